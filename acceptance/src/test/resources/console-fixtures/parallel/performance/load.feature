@area=performance
Feature: Load fixture
  Rule: A load is measured alone
    @severity=critical
    Scenario: A load is measured
      Given the platform is taken exclusively for 300 ms
