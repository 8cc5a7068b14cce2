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

    @severity=critical
    Scenario: A critical limit that is off by one
      Given a limit of 6.0 is expected and 5.0 is named

  Rule: Waivers accept a known failure for a while

    @severity=critical @waiver=PG-7:2999-12-31
    Scenario: A critical failure accepted by a waiver
      Given a step that fails because "the retry header is missing"

    @severity=critical @waiver=PG-8:2020-01-31
    Scenario: A critical failure whose waiver expired
      Given a step that fails because "the audit trail is short"

    @severity=normal @waiver=PG-9:2999-12-31
    Scenario: A waived scenario that passes again
      Given a step that passes
