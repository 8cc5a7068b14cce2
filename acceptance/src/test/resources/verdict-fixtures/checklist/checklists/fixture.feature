@area=checklists
Feature: Fixture checklist
  Rule: A line counts only with evidence
    @severity=critical
    Scenario: A line proven with evidence
      Given a step that attaches evidence

    @severity=critical
    Scenario: A line that ran without evidence
      Given a step that passes
