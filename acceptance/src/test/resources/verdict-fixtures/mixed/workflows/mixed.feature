Feature: Mixed fixture
  Rule: Some things break
    @severity=blocker @issue=42
    Scenario: A blocker that passes
      Given a step that passes

    @severity=critical
    Scenario: A critical scenario that fails
      Given a step that fails because "the answer was missing"

    @severity=minor
    Scenario: A minor scenario that fails
      Given a step that fails because "the label is misspelt"
