Feature: Suite defects fixture
  Rule: A mistake in the features is the suite's defect, not the product's
    @severity=critical @requires=databse-access
    Scenario: A critical scenario with a misspelt capability
      Given a step that passes

    @severity=critical
    Scenario: A name used twice
      Given a step that passes

    @severity=normal
    Scenario: A name used twice
      Given a step that passes

    @severity=minor @waiver=PG-1
    Scenario: A waiver without an expiry date
      Given a step that passes
