@area=workflows
Feature: Unusual questions
  Users do not write textbook questions: they paste whole documents, write in every script, add emoji,
  send nothing at all, or attach long lists of readings. The product owner needs each of them to travel
  the whole way - signature, program, durable execution, model - and come back with outputs of the
  declared types, inside the declared ranges, the same on every adapter.

  Background:
    Given a signature with these fields:
      | side   | field      | type                     | limits                     |
      | input  | question   | :string                  | maxLength 100000           |
      | input  | readings   | :list(:optional(:float)) | maxLength 1000             |
      | input  | context    | :map                     |                            |
      | output | answer     | :string                  |                            |
      | output | headline   | :string                  | minLength 10, maxLength 60 |
      | output | rank       | :integer                 | min 1, max 10              |
      | output | score      | :float                   | min 0, max 2.5             |
      | output | verified   | :boolean                 |                            |
      | output | facts      | :map                     |                            |
      | output | ranks      | :list(:integer)          | maxLength 5                |
      | output | note       | :optional(:string)       |                            |
      | output | confidence | :confidence_score        |                            |
      | output | reasoning  | :reasoning_chain         |                            |
    And a program that answers with the "native" adapter
    And a program that answers with the "python_port" adapter

  Rule: Unusual but valid inputs are answered on every adapter, inside the declared ranges

    @severity=critical
    Scenario Outline: Sending <input> is answered on both adapters
      When a user sends "<input>" to every program
      Then every execution completes with outputs of the declared types, inside their declared ranges
      And both adapters give the same outputs for the same question

      Examples:
        | input                                                                       |
        | a question of 5,000 characters                                              |
        | a question of 100,000 characters                                            |
        | a question in Japanese with emoji                                           |
        | a question in Arabic, Greek and accented Latin                              |
        | a question whose words are separated by non-breaking and ideographic spaces |
        | an empty question                                                           |
        | 1,000 readings and a context of 500 entries                                 |
