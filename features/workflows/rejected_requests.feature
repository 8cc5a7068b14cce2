@area=workflows
Feature: Rejected requests
  Teams and users make mistakes. The product owner needs each mistake answered with a reason a
  person can act on, and needs to know that a rejected request leaves nothing behind.

  Rule: Bad input gets a clear, typed reason and changes nothing

    @severity=critical @requires=database-access
    Scenario: A malformed signature is rejected with the place of the mistake
      When a team declares a signature with a mistake on its second line:
        """
        signature broken_question_answering:
          :string question ->  answer
        """
      Then the signature is rejected as a syntax error at line 2, column 24
      And no signature named "broken_question_answering" was stored

    @severity=critical @requires=database-access
    Scenario: A question of the wrong type is rejected naming the field
      Given a question answering signature
      And a program that answers with the "native" adapter
      When a user sends the number 42 as the question
      Then the request is rejected because "question" must be a :string, not an integer
      And no execution was stored for the program

    @severity=critical @requires=database-access
    Scenario: A question that breaks a constraint is rejected naming the constraint
      Given a question answering signature that needs questions of at least 5 characters
      And a program that answers with the "native" adapter
      When a user asks "Why"
      Then the request is rejected because "question" breaks its minLength of 5
      And no execution was stored for the program

    @severity=normal @requires=database-access
    Scenario: A question for an unknown program is rejected
      When a user asks "Is anyone there?" of a program that does not exist
      Then the request is rejected because the program is unknown
      And no execution was stored for that program
