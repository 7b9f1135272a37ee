"""The words of the ethics page: principles, practical questions, data rules and the lifecycle checklist.

Everything is written in our own words. The checklist's shape (five stages of a project, about twenty
questions) follows deon, DrivenData's ethics checklist for data science; its examples come from the
workshop itself: the course notes and their live transcript, the ML-school slides and the meetup blog.
:mod:`lib.ethics.checklist` reads and writes answers to this checklist; this module only holds the text.
"""

from __future__ import annotations

from dataclasses import dataclass

# Short names for the sources, so each item can say where its idea comes from.
DEON = "deon ethics checklist (DrivenData)"
NOTES = "Introduction to deep learning, course notes"
TRANSCRIPT = "Introduction to deep learning, live transcript"
SLIDES = "ML school slides, lectures 1–2"
MEETUP = "Data-science meetup blog, 'Practical steps for building intelligent systems' (2019)"
GOOGLE = "Google AI principles (2018 version)"

#: Where the page's ideas come from: (short name, what it is and where to find it).
SOURCES: tuple[tuple[str, str], ...] = (
    (DEON, "A 21-item checklist in five sections, exported as Markdown: https://deon.drivendata.org"),
    (GOOGLE, "Seven principles published in June 2018 (https://ai.google/principles); Google has revised "
             "them since, so today's page reads differently."),
    (NOTES, "The workshop's course notes, section 'Ethics of machine learning'."),
    (TRANSCRIPT, "The course as taught live: the last part, on black boxes, bias, safety and privacy."),
    (SLIDES, "The 'Data rules' and 'Some quick tips from experience' slides."),
    (MEETUP, "Talk by Aleksandra Osipova: why, what, how, how well, value, risks."),
)

#: The course's six principles, as the course boiled down Google's 2018 list: (principle, what it means here).
PRINCIPLES: tuple[tuple[str, str], ...] = (
    ("Be socially beneficial", "Build things that help people; don't build what harms them."),
    ("Avoid creating or reinforcing unfair bias", "Check who the model works for, and who it fails."),
    ("Be built and tested for safety", "Fail safely: when unsure, hand over to a person."),
    ("Be accountable to people", "People affected can get an explanation and challenge a decision."),
    ("Incorporate privacy design principles", "Collect little, protect it, and remember models can leak it."),
    ("Uphold high standards of scientific excellence", "Split data honestly, test thoroughly, report truthfully."),
)

#: The questions to ask before building anything: (question, what it asks).
PRACTICAL_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("Why?", "What is the problem, and who has it? Start from people's needs, not from a technique."),
    ("What?", "What could solve it? List the options – the best one may be a spreadsheet, not machine learning."),
    ("How?", "Which method, which data, and what will getting that data cost?"),
    ("How well?", "How robust, how accurate, and will it still work at the size you need?"),
    ("Value?", "Do the benefits beat the costs – computers, time, skills, and the people affected?"),
    ("Risks?", "Biased or incomplete data, privacy, ethics – and: just because you can, should you?"),
)

#: The ML-school data rules: (rule, why).
DATA_RULES: tuple[tuple[str, str], ...] = (
    ("Use appropriate data", "It must look like what the model will meet in real use."),
    ("Use balanced data", "If one kind is rare, always guessing the common kind already scores well."),
    ("Randomise the whole data set", "Shuffle before splitting, keeping each label with its example."),
    ("Split about 80 / 10 / 10", "Training, validation (to spot over-fitting) and test (once, at the very end)."),
    ("Never train on validation or test data", "A test the model has seen is a test it can memorise."),
    ("Distrust 100% accuracy", "A perfect score almost always means a mistake, such as test data leaking in."),
)


@dataclass(frozen=True)
class Item:
    """One checklist question. ``id`` is stable: saved answers refer to it."""

    id: str
    question: str  #: for researchers and engineers
    kid_question: str  #: the same idea for a children's workshop
    why: str  #: one line on why it matters
    example: str  #: a real case, mostly from the workshop itself
    source: str  #: where the idea comes from (see SOURCES)


@dataclass(frozen=True)
class Section:
    """One stage of a project, with its questions."""

    id: str
    title: str
    kid_title: str
    items: tuple[Item, ...]


#: The lifecycle checklist: collecting, storing, analysing, modelling and deploying, each with its questions.
CHECKLIST: tuple[Section, ...] = (
    Section("collecting", "Collecting data", "Getting examples", (
        Item("collect-consent",
             "Did the people in the data agree to it being used for this?",
             "Did everyone say yes to you using their information?",
             "People share data for one purpose; reusing it for another without asking breaks their trust "
             "and often the law.",
             "Someone gives their income and address to apply for a loan; training a scoring model for "
             "other people on those records is a new use they never agreed to.",
             f"{DEON}, A.1"),
        Item("collect-who",
             "Does the data include every kind of person (or thing) the model will be used on?",
             "Did you collect examples from everyone who will use it?",
             "A model only learns from what it sees; groups missing from the training data get worse answers.",
             "A games console's motion sensor was trained on its engineers, mostly white, and at public shows "
             "it failed to see players with darker skin.",
             f"{TRANSCRIPT}; {DEON}, A.2"),
        Item("collect-appropriate",
             "Does the training data look like the data the model will meet in real use?",
             "Do your examples look like the things it will really see?",
             "Trained on tidy examples and used on messy ones, a model gives answers nobody can rely on.",
             "The course's digit network learned handwritten white-on-black digits; a photo of a door number "
             "and black-on-white print confused it.",
             f"{SLIDES}, data rule 1; {NOTES}"),
        Item("collect-minimise",
             "Do you collect only the personal details the task really needs?",
             "Are you only asking for things you really need to know?",
             "Every extra personal detail can leak or be misused; a detail you never collected cannot.",
             "A digit recogniser needs pictures of digits, not the writer's name, age or school.",
             f"{DEON}, A.3"),
        Item("collect-balanced",
             "Does each group or class have enough examples – and if not, do you know how you will handle it?",
             "Do you have about the same number of examples of each kind?",
             "When one kind is rare, a model can score well by mostly guessing the common kind and ignore "
             "the rare one.",
             "Train the iris network with most of one species removed, and that species is the one it gets "
             "wrong (see the live demo).",
             f"{SLIDES}, data rule 2"),
    )),
    Section("storing", "Storing data", "Keeping examples safe", (
        Item("store-secure",
             "Is the data protected: who can see it, is it encrypted, is access recorded?",
             "Is the information locked away so only the right people can see it?",
             "A leak harms the people in the data, not only the team that lost it.",
             "A copy of the training set on a lost, unencrypted laptop is a leak of every person in it.",
             f"{DEON}, B.1"),
        Item("store-forget",
             "If someone asks to be removed, can you find and delete their data – including from trained models?",
             "If someone changes their mind, can you take their information out again?",
             "Many laws give people this right; deleting a row is easy, but a model trained on it may still "
             "carry it.",
             "Under the EU's GDPR people can ask for their personal data to be erased.",
             f"{DEON}, B.2"),
        Item("store-retention",
             "Is there a date or rule for when the data will be deleted?",
             "Do you know when you will throw the information away?",
             "Data kept forever 'just in case' keeps its risks forever.",
             "Workshop photos of children's drawings are deleted when the session's report is written.",
             f"{DEON}, B.3"),
    )),
    Section("analysing", "Analysing data", "Looking at the examples", (
        Item("analyse-randomise",
             "Did you shuffle the whole data set before splitting it, keeping each label with its example?",
             "Did you mix up all your examples before sharing them out?",
             "Data gathered in order gives training and test sets that are not alike.",
             "Download all the cat pictures, then all the dog pictures: without shuffling, the test set is "
             "all dogs.",
             f"{SLIDES}, 'The importance of randomisation'"),
        Item("analyse-split",
             "Did you keep validation and test data apart (about 80 / 10 / 10) and never train on them?",
             "Did you keep some examples hidden, to test it with at the very end?",
             "A model marked on examples it trained on is marked on answers it may have memorised.",
             "The course's digit network is scored on 10,000 test images it never saw while learning.",
             f"{SLIDES}, data rules 4–5; {MEETUP}"),
        Item("analyse-experts",
             "Have people who know the problem – and people it affects – checked the data and the plan?",
             "Did you ask people who know about this to check your idea?",
             "Experts spot bad data and wrong questions; the people affected spot harms the team cannot see.",
             "The meetup talk put speaking to domain experts first, before choosing any method.",
             f"{MEETUP}; {DEON}, C.1"),
        Item("analyse-bias",
             "Have you looked for groups that are missing, under-counted or labelled differently in the data?",
             "Did you check whether your examples are fair to everyone?",
             "Past decisions recorded in data can be unfair; a model trained on them repeats the unfairness.",
             "Loan records show who was given loans in the past, not who would have paid them back.",
             f"{DEON}, C.2; {MEETUP}"),
        Item("analyse-honest",
             "Do your charts and summaries show the data honestly, including what was left out?",
             "Do your pictures and charts tell the truth?",
             "A chart with a cut axis or hidden groups can make a weak result look strong.",
             "The meetup's design rules: colour-blind-safe colours, at most seven per chart, labelled axes.",
             f"{DEON}, C.3; {MEETUP}"),
        Item("analyse-repeatable",
             "Could someone else repeat the analysis: code, data version and random seeds recorded?",
             "Could a friend do it again and get the same answer?",
             "A result nobody can repeat cannot be checked, and unchecked results are where mistakes hide.",
             "Every page of this app fixes its random seeds, so a room of people sees the same numbers.",
             f"{DEON}, C.5; {NOTES}, principle 6"),
    )),
    Section("modelling", "Building the model", "Teaching the computer", (
        Item("model-proxy",
             "Could an input stand in for something you must not use, such as postcode for ethnicity?",
             "Could the computer be using a clue that is unfair, without anyone noticing?",
             "Removing a sensitive column is not enough when other columns give it away.",
             "A loan model that never sees ethnicity can still learn it from where people live.",
             f"{DEON}, D.1; {TRANSCRIPT}"),
        Item("model-groups",
             "Did you measure how well it works for each group separately, not only overall?",
             "Did you test it on everyone who will use it?",
             "A good average can hide a group for which the model fails.",
             "The iris network's overall accuracy barely moves when one species is rare, but that species' "
             "accuracy drops (see the live demo).",
             f"{DEON}, D.2; {TRANSCRIPT}"),
        Item("model-metric",
             "Does the score you optimise match what matters, and do you treat 100% accuracy as a warning?",
             "If it gets everything right, did you look for a mistake?",
             "A model gets good at the number you measure, not necessarily at the job; perfection usually "
             "means test data leaked into training.",
             "The ML-school slides: 100% accuracy almost certainly means something went wrong.",
             f"{SLIDES}; {DEON}, D.3"),
        Item("model-dont-know",
             "What does the model do with something unlike anything it was trained on? Can it say 'I don't know'?",
             "Can it say “I don't know” to something new?",
             "Most models always answer; 'I don't know' has to be designed in, with a threshold you choose.",
             "Shown a dog, the digit network names a digit; shown a cat, some COVID-19 scan detectors said "
             "'COVID' (the 'covid cat').",
             f"{NOTES}; {TRANSCRIPT}"),
        Item("model-explain",
             "Can you explain, in plain words, why the model gave an answer to the person it affects?",
             "Can you explain why the computer chose that answer?",
             "An answer nobody can explain is an answer nobody can check or challenge.",
             "'Computer says no': a loan refused by a model, with no reason the applicant can understand.",
             f"{TRANSCRIPT}; {DEON}, D.4"),
        Item("model-privacy",
             "Could the trained model give away personal details of the people it was trained on?",
             "Could someone find out secrets about a person by poking the finished model?",
             "Weights can memorise individuals, and statistical attacks can pull the details back out.",
             "A weight can end up encoding the age of one person in the training set.",
             f"{TRANSCRIPT}; {GOOGLE}"),
        Item("model-limits",
             "Have you written down what the model is bad at and where it must not be used?",
             "Did you write down what it is bad at?",
             "People will use a model beyond its limits unless the limits are written where they will see them.",
             "The digit network is for handwritten digits, not door numbers or photos of pets.",
             f"{DEON}, D.5"),
    )),
    Section("deploying", "Using it for real", "Letting people use it", (
        Item("deploy-human",
             "Does a person review decisions that matter, and do unsure cases go to a person rather than to 'no'?",
             "When the computer is not sure, does it ask a person?",
             "Failing safely means that doubt leads to a human, not to a refusal.",
             "An unsure loan model should pass the case to a person, not refuse the loan by default.",
             f"{TRANSCRIPT}; {GOOGLE}"),
        Item("deploy-redress",
             "Can people find out a model decided, and challenge the decision?",
             "If it gets something wrong about you, can you complain and get it fixed?",
             "Without a way to appeal, the model's mistakes become the person's problem.",
             "'Computer says no' leaves the applicant with no recourse.",
             f"{DEON}, E.2; {TRANSCRIPT}"),
        Item("deploy-monitor",
             "Do you keep checking how it performs after launch, as the incoming data changes?",
             "Do you keep checking it still works after people start using it?",
             "Data drifts: new cameras, new users, new habits. Yesterday's accuracy says little about today.",
             "The meetup talk: check incoming data quality and raise a fault when it changes.",
             f"{DEON}, E.1; {MEETUP}"),
        Item("deploy-rollback",
             "Can you switch it off, or go back to an earlier version, quickly?",
             "Is there an off switch?",
             "When something goes wrong, every hour it keeps running adds to the harm.",
             "A shop's recommender starts suggesting odd products after an update; the old version is "
             "restored in minutes.",
             f"{DEON}, E.3"),
        Item("deploy-misuse",
             "How could it be misused – and should it be built at all?",
             "Could someone use it to be unkind?",
             "Just because you can build something does not mean you should.",
             "The course's first principle: nothing that refuses loans by skin colour or helps a weapon kill.",
             f"{MEETUP}; {TRANSCRIPT}; {DEON}, E.4"),
    )),
)


#: Kid mode's short list, "the detective questions": six checklist items (by id) a child can ask about any
#: robot, in their kid wording. They are the checklist's own items, so a child's answers are saved, loaded
#: and printed with the rest, and stay when kid mode is switched off.
KID_CHECKLIST: tuple[str, ...] = ("collect-who", "model-groups", "model-dont-know", "model-explain", "deploy-human",
                                  "deploy-misuse")
