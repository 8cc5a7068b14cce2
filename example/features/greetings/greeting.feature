@area=greetings
Feature: Greetings
  The greeting service greets each person by the name they give, and asks for a name when none is given.

  @severity=critical
  Scenario: A person is greeted by name
    When "Ada" asks for a greeting
    Then the answer is 200 with "Hello, Ada!"

  @severity=normal
  Scenario: A greeting without a name asks for one
    When someone asks for a greeting without a name
    Then the answer is 400 with "a name is required"
