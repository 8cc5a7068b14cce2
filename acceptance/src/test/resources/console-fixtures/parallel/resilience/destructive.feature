@area=resilience
Feature: Destructive fixture
  Rule: A destructive scenario has the platform to itself
    @severity=critical @requires=kill-worker
    Scenario: A worker is killed
      Given the platform is taken exclusively for 300 ms

    @severity=critical @requires=restart-platform
    Scenario: The platform is restarted
      Given the platform is taken exclusively for 300 ms
