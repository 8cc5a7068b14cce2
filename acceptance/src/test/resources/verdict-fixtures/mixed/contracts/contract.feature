Feature: Contract fixture
  @severity=critical
  Scenario: A contract outside any rule
    Given a step that passes
