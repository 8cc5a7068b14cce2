@area=workflows
Feature: Execution history
  Teams look up what their programs were asked: everything, or only what is waiting, running, done or
  failed, a page at a time. The product owner needs every search to return exactly the matching
  executions, newest first, with a total that is right - also while work is still under way.

  Rule: A program's history lists exactly the matching executions, newest first, page by page

    The model is slowed down on purpose, so that some questions wait while others run and others are
    finished, for long enough to search the history in that state. What the program really holds is
    read from its database before and after the searches, so that a search is judged against the truth.

    @severity=critical @requires=database-access
    Scenario Outline: The history of a program whose model <behaviour> is searched while it works
      Given a question answering signature
      And a program on the "native" adapter whose model <behaviour> after 2 seconds
      When 10 questions are asked of it at once
      And the program's history holds finished, running and waiting executions
      Then searching the history by every state, 3 per page, returns exactly the matching executions, newest first, with the right total
      And once every question is finished, the history lists all 10 as <finished> and none as waiting or running

      Examples:
        | behaviour | finished  |
        | answers   | completed |
        | fails     | failed    |
