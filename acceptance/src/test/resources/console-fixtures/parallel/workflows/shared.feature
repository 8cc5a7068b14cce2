@area=workflows
Feature: Shared platform fixture
  Rule: Ordinary scenarios share the platform
    @severity=critical
    Scenario: First user of the platform
      Given the platform is used for 600 ms

    @severity=critical
    Scenario: Second user of the platform
      Given the platform is used for 600 ms

    @severity=critical
    Scenario: Third user of the platform
      Given the platform is used for 600 ms

    @severity=critical
    Scenario: Fourth user of the platform
      Given the platform is used for 600 ms
