Feature: Clean fixture
  Rule: Everything works
    @severity=blocker
    Scenario: A blocker that passes
      Given a step that passes

    @severity=normal
    Scenario: A normal scenario that passes
      Given a step that passes
