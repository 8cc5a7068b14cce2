Feature: Environment fixture
  Rule: What the machine or the environment did is not a finding about the product

    @severity=blocker
    Scenario: A restart measured twice on a disturbed machine
      Given a restart took 4164 ms and then 5463 ms against 3000 ms while other work took 60 % of the CPU

    @severity=critical
    Scenario: A checklist line that loses the platform
      Given a step that asks a platform that has stopped
