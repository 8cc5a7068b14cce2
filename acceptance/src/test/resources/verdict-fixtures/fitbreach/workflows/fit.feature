Feature: Fit machine fixture
  Rule: A breach on a fit machine is a finding

    @severity=blocker
    Scenario: A restart measured on a fit machine
      Given a restart took 4164 ms against 3000 ms while other work took 2 % of the CPU
