"""People: names, titles, mentions and merging, on the samples and on realistic news prose."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.article import Article
from tui.core.ingest import load_article, parse_article
from tui.core.model import Person
from tui.core.people import find_people, gender_of

SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"


@pytest.fixture(scope="module")
def samples() -> list[Article]:
    return [load_article(SAMPLES / "summit-a.txt"), load_article(SAMPLES / "summit-b.txt")]


@pytest.fixture(scope="module")
def sample_people(samples: list[Article]) -> list[Person]:
    return find_people(samples)


def person(people: list[Person], name: str) -> Person:
    found = [p for p in people if p.name == name]
    assert len(found) == 1, f"{name!r} not found once in {[p.name for p in people]}"
    return found[0]


def names_in(*texts: str) -> list[str]:
    return [p.name for p in find_people([parse_article(t) for t in texts])]


# --- the samples -------------------------------------------------------------------------


def test_samples_list_exactly_the_seven_people(sample_people: list[Person]) -> None:
    assert sorted(p.name for p in sample_people) == sorted(
        [
            "Vladimir Putin",
            "Donald Trump",
            "Yuri Ushakov",
            "Steve Witkoff",
            "Volodymyr Zelenskyy",
            "Joe Biden",
            "Marco Rubio",
        ]
    )


def test_samples_are_ordered_by_mentions(sample_people: list[Person]) -> None:
    counts = [len(p.mentions) for p in sample_people]
    assert counts == sorted(counts, reverse=True)
    assert sample_people[0].name == "Vladimir Putin"
    assert sample_people[1].name == "Donald Trump"


def test_zelensky_spellings_merge_across_articles(sample_people: list[Person]) -> None:
    z = person(sample_people, "Volodymyr Zelenskyy")
    assert "Volodymyr Zelensky" in z.aliases
    assert {m.article for m in z.mentions} == {0, 1}


def test_titles_as_the_articles_give_them(sample_people: list[Person]) -> None:
    assert set(person(sample_people, "Yuri Ushakov").titles) >= {
        "Kremlin aide",
        "Kremlin foreign policy adviser",
    }
    assert "U.S. Secretary of State" in person(sample_people, "Marco Rubio").titles
    assert "Russian President" in person(sample_people, "Vladimir Putin").titles
    assert "U.S. President" in person(sample_people, "Donald Trump").titles
    assert "former President" in person(sample_people, "Joe Biden").titles
    assert "special envoy" in person(sample_people, "Steve Witkoff").titles


def test_role_references_resolve_to_the_one_fitting_leader(sample_people: list[Person]) -> None:
    putin = person(sample_people, "Vladimir Putin")
    texts = {m.text for m in putin.mentions}
    assert {"Kremlin leader", "Russian leader"} <= texts


def test_every_mention_slices_its_article_body(
    samples: list[Article], sample_people: list[Person]
) -> None:
    for p in sample_people:
        for m in p.mentions:
            body = samples[m.article].body
            assert body[m.start : m.end] == m.text
            sent = samples[m.article].sentences[m.sentence]
            assert sent.start <= m.start and m.end <= sent.end


def test_possessive_is_a_mention_of_the_bare_name(
    samples: list[Article], sample_people: list[Person]
) -> None:
    trump = person(sample_people, "Donald Trump")
    body = samples[0].body
    pos = body.index("Trump’s envoy")
    assert any(m.article == 0 and m.start == pos and m.text == "Trump" for m in trump.mentions)


def test_surname_only_mentions_are_counted(sample_people: list[Person]) -> None:
    ushakov = person(sample_people, "Yuri Ushakov")
    assert sum(m.text == "Ushakov" for m in ushakov.mentions) >= 4


# --- name shapes ---------------------------------------------------------------------------

NAME_SHAPES = [
    (
        "Sheikh Mohamed bin Zayed Al Nahyan met the delegation on Monday. Sheikh Mohamed said "
        "the talks had been useful.",
        "Mohamed bin Zayed Al Nahyan",
        "Mohamed",
    ),
    (
        "Chinese President Xi Jinping arrived in Moscow on Tuesday. Xi is expected to stay for "
        "three days.",
        "Xi Jinping",
        "Xi",
    ),
    (
        "Turkish President Recep Tayyip Erdogan offered to host the talks. Erdogan has kept "
        "channels open to both sides.",
        "Recep Tayyip Erdogan",
        "Erdogan",
    ),
    (
        "French Foreign Minister Jean-Noël Barrot said the plan was workable. Barrot spoke to "
        "reporters in Paris.",
        "Jean-Noël Barrot",
        "Barrot",
    ),
    (
        "Saudi Crown Prince Mohammed bin Salman hosted the negotiations in Jeddah.",
        "Mohammed bin Salman",
        None,
    ),
    (
        "Vice President J.D. Vance told reporters the deal was close. Vance later flew home.",
        "J.D. Vance",
        "Vance",
    ),
    (
        "German Chancellor Olaf Scholz welcomed the move. Scholz said Berlin would help.",
        "Olaf Scholz",
        "Scholz",
    ),
    (
        "European Commission President Ursula von der Leyen said the bloc was ready. Von der "
        "Leyen spoke in Brussels.",
        "Ursula von der Leyen",
        "Von der Leyen",
    ),
    (
        "Brazilian President Luiz Inácio Lula da Silva said he would attend. Lula spoke in "
        "Brasilia on Friday.",
        "Luiz Inácio Lula da Silva",
        "Lula",
    ),
    (
        "North Korean leader Kim Jong Un oversaw the launch, state media said. Kim called it a "
        "success.",
        "Kim Jong Un",
        "Kim",
    ),
    (
        "Mark O'Brien, a spokesman for the agency, said the review was under way. O'Brien "
        "declined to elaborate.",
        "Mark O'Brien",
        "O'Brien",
    ),
    (
        "Ana María García, a resident of the town, said the water rose quickly. García said she "
        "lost her car.",
        "Ana María García",
        "García",
    ),
    (
        'Lt. Gen. Idris Osman Taha, who headed the army team, said the talks went well. "We came '
        'to save lives," Taha said.',
        "Idris Osman Taha",
        "Taha",
    ),
    (
        '"The emergency exit was locked," Nasser al-Otaibi, the Saudi diplomat who led the '
        "mediation, told a news conference. Al-Otaibi said monitors would report weekly.",
        "Nasser al-Otaibi",
        "Al-Otaibi",
    ),
]


@pytest.mark.parametrize(("text", "name", "short"), NAME_SHAPES)
def test_name_shapes(text: str, name: str, short: str | None) -> None:
    people = find_people([parse_article(text)])
    assert [p.name for p in people] == [name]
    if short is not None:
        assert short in {m.text for m in people[0].mentions}


def test_given_name_and_speech_verb_are_enough_without_title() -> None:
    text = (
        "The plant closed last year. Steve Mitchell said the town had never recovered, and "
        "Mitchell now drives a taxi."
    )
    assert names_in(text) == ["Steve Mitchell"]


def test_appositive_role_after_the_name_is_a_title() -> None:
    text = (
        '"The market moved faster than we thought," said Petra Lindqvist, chief economist at '
        "Halden Capital."
    )
    people = find_people([parse_article(text)])
    assert [p.name for p in people] == ["Petra Lindqvist"]
    assert people[0].titles == ("chief economist",)


# --- what is not a person -------------------------------------------------------------------


def test_organisations_places_outlets_and_days_are_not_people() -> None:
    text = (
        "Reuters reported the decision on Thursday. The State Department declined to comment, "
        "and officials at the White House and the Pentagon were briefed. Fox Business aired the "
        "interview, which was also posted on Truth Social. The European Union said on Monday it "
        "would respond. Congress returns in September. The summit in Helsinki was compared "
        "with a meeting in Geneva, the Interfax news agency reported. The United Arab Emirates "
        "offered to host the talks in the Oval Office style."
    )
    assert names_in(text) == []


def test_sentence_initial_words_are_not_names() -> None:
    text = (
        "However, the vote was delayed. News of the delay spread quickly. Today the chamber "
        "was empty. So, too, were the galleries."
    )
    assert names_in(text) == []


def test_capitalised_phrase_without_evidence_is_skipped() -> None:
    # Two capitalised words, no title, no known given name, no verb of speech: precision first.
    assert names_in("The Golden Arrow sailed at dawn and reached port by noon.") == []


def test_organisation_suffix_vetoes_even_with_a_given_name() -> None:
    assert names_in("Workers at Victoria Station were evacuated on Friday.") == []


# --- merging ----------------------------------------------------------------------------------


def test_different_people_with_one_surname_stay_apart() -> None:
    art = parse_article(
        "President Joe Biden spoke on Monday. His son Hunter Biden did not attend. Biden later "
        "left for Delaware."
    )
    people = find_people([art])
    assert sorted(p.name for p in people) == ["Hunter Biden", "Joe Biden"]
    joe = person(people, "Joe Biden")
    # The bare surname goes to the person last introduced before it.
    hunter = person(people, "Hunter Biden")
    late = art.body.index("Biden later")
    assert any(m.start == late for m in hunter.mentions)
    assert not any(m.start == late for m in joe.mentions)


def test_title_only_mention_merges_into_the_full_name_across_articles() -> None:
    a = parse_article("Prime Minister Keir Starmer met union leaders on Tuesday.")
    b = parse_article("Prime Minister Starmer said the meeting had been constructive.")
    people = find_people([a, b])
    assert [p.name for p in people] == ["Keir Starmer"]
    assert {m.article for m in people[0].mentions} == {0, 1}


def test_role_reference_is_not_resolved_when_two_leaders_fit() -> None:
    text = (
        "Russian President Vladimir Putin met Russian Prime Minister Mikhail Mishustin. The "
        "Russian leader did not comment."
    )
    people = find_people([parse_article(text)])
    for p in people:
        assert "Russian leader" not in {m.text for m in p.mentions}


def test_hyphenated_pair_of_surnames_mentions_both() -> None:
    text = (
        "U.S. President Donald Trump and Russian President Vladimir Putin spoke by phone. A "
        "Putin-Trump summit is now expected."
    )
    people = find_people([parse_article(text)])
    art_body = parse_article(text).body
    pos = art_body.index("Putin-Trump")
    assert any(m.start == pos for m in person(people, "Vladimir Putin").mentions)
    assert any(m.start == pos + len("Putin-") for m in person(people, "Donald Trump").mentions)


def test_text_without_names_gives_no_people() -> None:
    assert names_in("123 456. --- !!! ...") == []
    assert find_people([]) == []


def test_a_name_inside_a_things_name_is_not_a_person() -> None:
    text = "Martin Luther King Jr. Day is a federal holiday. Flights left John F. Kennedy Airport."
    assert names_in(text) == []


def test_sentence_initial_proper_noun_belongs_to_the_title() -> None:
    text = (
        "The administration declined to comment. White House press secretary Karoline Leavitt "
        "said the president would not be rushed. Los Angeles Mayor Karen Bass agreed."
    )
    people = find_people([parse_article(text)])
    titles = {p.name: p.titles for p in people}
    assert titles == {
        "Karoline Leavitt": ("White House press secretary",),
        "Karen Bass": ("Los Angeles Mayor",),
    }


def test_a_surname_that_is_also_a_place_is_not_a_mention_after_in() -> None:
    text = (
        "Historian Ron Chernow wrote about George Washington on Monday. Washington led the "
        "army for eight years. Officials in Washington did not comment."
    )
    art = parse_article(text)
    people = find_people([art])
    george = person(people, "George Washington")
    city = art.body.index("in Washington") + len("in ")
    assert not any(m.start == city for m in george.mentions)
    assert any(m.start == art.body.index("Washington led") for m in george.mentions)


def test_spelling_with_diacritics_names_the_person_and_short_titles_fold_in() -> None:
    a = parse_article(
        '"This is a sad day for free trade," said Hildegard Müller, president of the VDA. '
        "German Chancellor Friedrich Merz agreed."
    )
    b = parse_article(
        '"Today is a sad day," VDA chief Hildegard Mueller said. Chancellor Friedrich Merz '
        "spoke later."
    )
    people = find_people([a, b])
    assert sorted(p.name for p in people) == ["Friedrich Merz", "Hildegard Müller"]
    assert person(people, "Friedrich Merz").titles == ("German Chancellor",)


def test_a_wire_that_drops_polish_letters_names_the_same_person() -> None:
    """Ł is a letter of its own, not L with a mark: folding must still meet "Lukasz"."""
    a = parse_article(
        "Fire service spokesman Lukasz Zielinski said 240 passengers were on board. "
        "Zielinski said the search was over."
    )
    b = parse_article(
        "Łukasz Zieliński, a spokesman for the regional fire service, said the search had "
        "ended. Zieliński thanked the volunteers."
    )
    (p,) = find_people([a, b])
    assert p.name == "Łukasz Zieliński"
    assert {"Lukasz Zielinski", "Zielinski", "Zieliński"} <= set(p.aliases)


def test_courtesy_honorifics_are_not_titles() -> None:
    text = "Senator Chuck Schumer spoke first. Mr. Schumer then left the chamber."
    people = find_people([parse_article(text)])
    assert [(p.name, p.titles) for p in people] == [("Chuck Schumer", ("Senator",))]
    assert "Mr. Schumer" in people[0].aliases


def test_generational_suffix_is_part_of_the_name_not_its_short_form() -> None:
    text = (
        "Health Secretary Robert F. Kennedy Jr. said the panel would be replaced. Kennedy has "
        "long questioned the data."
    )
    people = find_people([parse_article(text)])
    assert [p.name for p in people] == ["Robert F. Kennedy Jr."]
    assert "Kennedy" in {m.text for m in people[0].mentions}


def test_an_organisation_word_inside_a_title_case_phrase_is_not_a_person() -> None:
    text = "Tickets sold out within hours, Major League Soccer said. Bill Gates attended."
    assert names_in(text) == ["Bill Gates"]


def test_a_name_with_only_a_role_and_an_age_is_a_person() -> None:
    arts = [
        parse_article(
            'Allotment holder Greta Lindholm, 71, said: "The council never asked us."\n\n'
            "Lindholm said the plots had been tended since 1952."
        )
    ]
    (person,) = find_people(arts)
    assert person.name == "Greta Lindholm"
    assert [m.text for m in person.mentions] == ["Greta Lindholm", "Lindholm"]


def test_an_age_alone_does_not_make_a_place_a_person() -> None:
    arts = [parse_article("Buenos Aires, 1.2 million strong, voted on Sunday.")]
    assert find_people(arts) == []


def test_transliterated_given_names_merge_when_the_surname_matches() -> None:
    people = find_people(
        [
            parse_article("Ukrainian envoy Oleksandr Kovalenko arrived in Geneva on Monday."),
            parse_article("The Ukrainian envoy, Alexandre Kovalenko, arrived on Monday."),
            parse_article("Chess champion Yevgeny Sorokin and coach Mohammed Idris flew in."),
            parse_article("Evgeny Sorokin, the chess champion, said coach Muhammad Idris agreed."),
        ]
    )
    names = sorted(p.name for p in people)
    assert len(names) == 3
    assert any("Kovalenko" in n for n in names)


def test_similar_given_names_of_a_brother_and_sister_stay_apart() -> None:
    names = names_in("Engineer Karl Novak and his sister Carol Novak run the family workshop.")
    assert sorted(names) == ["Carol Novak", "Karl Novak"]


def test_half_of_a_hyphenated_surname_is_the_same_person() -> None:
    (person,) = find_people(
        [
            parse_article(
                "Architect Hélène Sokolov-Mercier designed the memorial. Sokolov-Mercier said "
                "it would open in May. Sokolov added a garden."
            )
        ]
    )
    assert [m.text for m in person.mentions] == [
        "Hélène Sokolov-Mercier",
        "Sokolov-Mercier",
        "Sokolov",
    ]


def test_capitalised_particle_at_a_sentence_start_merges_with_the_full_name() -> None:
    (person,) = find_people(
        [
            parse_article(
                "Joost van den Heuvel, the port's director, met the unions. Van den Heuvel "
                "said nothing was agreed. Later van den Heuvel left."
            )
        ]
    )
    assert person.name == "Joost van den Heuvel"
    assert [m.text for m in person.mentions][1:] == ["Van den Heuvel", "van den Heuvel"]


def test_a_name_opening_a_sentence_with_an_appositive_role_is_a_person() -> None:
    assert names_in("Cristián Paredes, the mine's safety chief, said the shaft was stable.") == [
        "Cristián Paredes"
    ]


def test_companies_shown_by_grammar_are_not_people() -> None:
    assert (
        names_in(
            "Shares in Marcus Wenger Holding fell 6% after the fire. Marcus Wenger Holding did "
            "not answer questions.",
            "Victor Almeida Transportes, which owns the depot, declined to comment.",
            "Hugo Almeida Textiles cut its forecast on Tuesday.",
        )
        == []
    )


def test_a_portfolio_opening_the_sentence_belongs_to_the_title() -> None:
    (person,) = find_people(
        [parse_article("Mining Minister Valentina Soto flew to the flooded mine on Wednesday.")]
    )
    assert person.titles == ("Mining Minister",)


def test_a_name_with_an_inner_particle_and_its_capitalised_surname_form_merge() -> None:
    people = find_people(
        [
            parse_article(
                "The coalition will be led by Maarten van der Linde of the centre-right "
                "party. Van der Linde, 58, a former mayor, met the king on Friday."
            ),
            parse_article("Critics said van der Linde had promised too much."),
        ]
    )
    (person,) = people
    assert person.name == "Maarten van der Linde"
    assert [m.text for m in person.mentions] == [
        "Maarten van der Linde",
        "Van der Linde",
        "van der Linde",
    ]


def test_a_romance_particle_alone_is_no_evidence_of_a_person() -> None:
    assert names_in("Deposits at Banco de Fomento rose by 4% in the third quarter.") == []


# --- private people: compound given names, subjects after a quote, relatives, initials ---


def test_a_compound_given_name_is_evidence_in_an_appositive() -> None:
    assert names_in(
        "The head of the food bank, Marie-Claire Dubois, stayed open all night. "
        "Volunteers came from three villages."
    ) == ["Marie-Claire Dubois"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "“They took everything we had.” Oksana Hrytsenko has lived in the same flat in "
            "Kharkiv since 1987.",
            "Oksana Hrytsenko",
        ),
        (
            "“The water rose in ten minutes.” Babajide Okonjo-Adeyemi said he carried his "
            "mother to the roof.",
            "Babajide Okonjo-Adeyemi",
        ),
        # No known given name at all: the subject of a finite verb right after a quoted
        # sentence is the person the paragraph quotes.
        (
            "“I counted the days on the wall.” Tervo Lindqvist-Haapala had spent 212 days "
            "in the camp.",
            "Tervo Lindqvist-Haapala",
        ),
    ],
)
def test_the_subject_right_after_a_quoted_sentence_is_a_person(text: str, name: str) -> None:
    assert names_in(text) == [name]


def test_a_capitalised_phrase_after_a_quote_without_a_finite_verb_is_no_person() -> None:
    # "Northern Rail" is followed by a noun, not a finite verb; "Harbour Bridge" opens no
    # sentence after a quote: both stay unnamed.
    assert (
        names_in(
            "“Trains will run late all week.” Northern Rail services were cut by half. "
            "Commuters crossed Sydney Harbour Bridge on foot."
        )
        == []
    )


def test_a_relative_named_by_the_given_name_alone_is_a_person() -> None:
    people = find_people(
        [
            parse_article(
                "Rosa Medina waited at the gate. Her son Diego, 29, works as a welder at the "
                "mine. His sister Lucia said the family had not slept."
            )
        ]
    )
    assert sorted(p.name for p in people) == ["Diego", "Lucia", "Rosa Medina"]
    assert person(people, "Diego").mentions[0].text == "Diego"


def test_a_relative_given_name_is_never_merged_into_a_person_by_surname() -> None:
    # "Marcel" is Henri Marcel's surname, but "his son Marcel" is a given name: a different man.
    people = find_people(
        [
            parse_article(
                "The striking workers were led by Henri Marcel, a union veteran. "
                "Paul Girard waited at the station. His son Marcel said he had not slept."
            )
        ]
    )
    assert sorted(p.name for p in people) == ["Henri Marcel", "Marcel", "Paul Girard"]


def test_a_relative_noun_before_a_capitalised_non_name_is_no_person() -> None:
    assert names_in("Her husband Monday had called the ward twice.") == []


def test_a_plaza_is_a_place_even_after_a_given_name() -> None:
    assert names_in("Survivors of the Rana Plaza collapse marched in Dhaka.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Defence lawyer J. R. Okonkwo filed the appeal on Monday. J.R. Okonkwo said the "
        "verdict was flawed. Okonkwo added that his client would testify.",
        "J.R. Okonkwo, the union's lawyer, filed the appeal. Later J. R. Okonkwo told "
        "reporters the case was strong. Okonkwo did not say when.",
    ],
)
def test_spaced_and_joined_initials_are_one_person(text: str) -> None:
    (person,) = find_people([parse_article(text)])
    assert person.name in ("J. R. Okonkwo", "J.R. Okonkwo")
    assert sorted(m.text for m in person.mentions) == ["J. R. Okonkwo", "J.R. Okonkwo", "Okonkwo"]


@pytest.mark.parametrize(
    "text",
    [
        "The letter was signed by J. R. and read aloud in court.",
        "The lawyer, known to colleagues as J. R, left the hearing early.",
        "Okonkwo, J. R. and two clerks signed the petition.",
    ],
)
def test_initials_without_a_surname_are_never_a_person(text: str) -> None:
    assert names_in(text) == []


def test_a_relative_merges_into_the_full_name_the_article_gives() -> None:
    people = find_people(
        [
            parse_article(
                "Diego Rojas, 29, was on the night shift when the tunnel collapsed. "
                "Her son Diego had worked at the mine for six years, Rosa Medina said."
            )
        ]
    )
    assert sorted(p.name for p in people) == ["Diego Rojas", "Rosa Medina"]
    assert [m.text for m in person(people, "Diego Rojas").mentions] == ["Diego Rojas", "Diego"]


def test_a_relative_whose_given_name_fits_two_people_is_left_out() -> None:
    names = names_in(
        "Diego Rojas and Diego Pérez were trapped in the lower gallery. "
        "Her son Diego, 29, had called her at midnight, Rosa Medina said."
    )
    assert sorted(names) == ["Diego Pérez", "Diego Rojas", "Rosa Medina"]


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        ("Aid worker Anne-Laure Berthier arrived on Monday.", "Anne-Laure Berthier", "f"),
        ("Aid worker Jean-Marie Berthier arrived on Monday.", "Jean-Marie Berthier", None),
        ("Aid worker Sasha Lindqvist arrived on Monday.", "Sasha Lindqvist", None),
        ("Aid worker Tervo Petrova arrived on Monday.", "Tervo Petrova", "f"),
        ("Aid worker Oksana Melnyk arrived on Monday.", "Oksana Melnyk", "f"),
        ("Aid worker Babajide Okonjo arrived on Monday.", "Babajide Okonjo", "m"),
    ],
)
def test_gender_comes_only_from_evidence(text: str, name: str, gender: str | None) -> None:
    people = find_people([parse_article(text)])
    assert gender_of(person(people, name)) == gender


def test_a_name_in_apposition_to_an_opening_role_phrase_is_a_person() -> None:
    assert names_in(
        "The former minister of finance, Olu Adebayo, was arrested on Monday. "
        "The capital of the region, Port Harcourt, was quiet."
    ) == ["Olu Adebayo"]


def test_a_profession_formed_from_its_field_is_a_role() -> None:
    """No list names every science: "-ologist" and "-ician" words are professions."""
    people = find_people(
        [
            parse_article(
                "Volcanologist Joana Medeiros of the University of the Azores said the eruption "
                "could last weeks. Statistician Pedro Lobo said the count was low."
            )
        ]
    )
    assert [(p.name, p.titles) for p in people] == [
        ("Joana Medeiros", ("Volcanologist",)),
        ("Pedro Lobo", ("Statistician",)),
    ]


def test_an_age_in_an_appositive_marks_a_person_but_not_an_old_company() -> None:
    text = (
        '"My father worked these docks," said Mikael Strand, a 47-year-old crane operator. '
        "Nordhamn Logistik, a 150-year-old company, said it would cut jobs."
    )
    assert names_in(text) == ["Mikael Strand"]


def test_a_champion_is_named_by_the_title_sports_pages_give() -> None:
    people = find_people(
        [
            parse_article("World champion Aygerim Nurlanova has been banned for four years."),
            parse_article("Aigerim Nurlanova, the steeplechase champion, was suspended."),
        ]
    )
    assert len(people) == 1
    assert {"Aygerim Nurlanova", "Aigerim Nurlanova"} <= set(people[0].aliases)


def test_a_name_joined_by_an_ampersand_is_a_firm() -> None:
    text = (
        "John Smith & Partners declined to comment. Procter & Gamble said sales rose. "
        "Anna Keller of Keller & Partners said it would appeal."
    )
    assert names_in(text) == ["Anna Keller"]


def test_a_member_of_parliament_is_titled_by_the_initials_news_uses() -> None:
    people = find_people(
        [
            parse_article(
                "Brackwell and Eastmoor MP Sarah Quilliam said she had been inundated. "
                "MEP Guy Verhofstadt told reporters the vote was lost."
            )
        ]
    )
    assert [(p.name, p.titles) for p in people] == [
        ("Sarah Quilliam", ("Eastmoor MP",)),
        ("Guy Verhofstadt", ("MEP",)),
    ]
