Feature: Workflow beside the evidence fixture
  @severity=critical
  Scenario: A workflow that passes
    Given a step that passes
