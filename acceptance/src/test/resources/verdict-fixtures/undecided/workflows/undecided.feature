Feature: Undecided fixture
  Rule: The suite cannot decide
    @severity=critical
    Scenario: A scenario with an undefined step
      Given a step that pases

    @severity=critical
    Scenario: A scenario with a step nobody has written
      Given the moon is made of cheese and nobody wrote this step

    @severity=critical
    Scenario: A scenario the environment cannot run
      Given a step the environment cannot run

    Scenario: A scenario without severity
      Given a step that passes

    @severity=critical
    Scenario: A critical scenario that passes
      Given a step that passes
