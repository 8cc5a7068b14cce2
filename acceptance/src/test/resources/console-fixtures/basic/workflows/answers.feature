@area=workflows
Feature: Console fixture
  Rule: Answers come back
    @severity=critical
    Scenario: A question that is answered
      Given a step that passes

    @severity=minor @issue=42 @tmsLink=T-7
    Scenario: A label that is misspelt
      Given a step that fails because "the label is misspelt"

    @severity=blocker
    Scenario: A blocker nobody selected
      Given a step that passes
