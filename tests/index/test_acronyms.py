from index.acronyms import Acronyms

PAIRS = [("ITMO", "internationally transferred mitigation outcome"), ("AEF", "agreed electronic format"),
         ("CA", "corresponding adjustment"), ("A6.4ER", "Article 6, paragraph 4, emission reduction")]


def test_acronym_in_question_gets_its_expansion():
    expanded = Acronyms(PAIRS).expand("When is the AEF due?")
    assert "agreed electronic format" in expanded


def test_plural_acronym_and_spelled_out_plural_both_match():
    acronyms = Acronyms(PAIRS)
    assert "internationally transferred mitigation outcome" in acronyms.expand("How are ITMOs tracked?")
    assert "ITMO" in acronyms.expand("Internationally transferred mitigation outcomes must be real")


def test_acronyms_match_only_as_written():
    acronyms = Acronyms(PAIRS)
    assert acronyms.expand("the ca value in California") == "the ca value in California"
    assert "corresponding adjustment" in acronyms.expand("Who applies the CA?")


def test_dotted_acronym():
    assert "emission reduction" in Acronyms(PAIRS).expand("Can A6.4ERs be transferred?")
