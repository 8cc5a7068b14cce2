Feature: Evidence fixture
  Rule: A resilience claim shows what it measured
    @severity=critical
    Scenario: A resilience scenario that measures its recovery
      Given a step that measures "recovered in 1.2 s"

    @severity=critical
    Scenario: A resilience scenario that attaches nothing
      Given a step that passes
