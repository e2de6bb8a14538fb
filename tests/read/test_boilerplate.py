"""Boilerplate lines: page furniture goes, sentences of the story that mention the same words stay."""

from __future__ import annotations

import pytest

from briefkit.read.boilerplate import is_boilerplate, without_boilerplate


@pytest.mark.parametrize("line", [
    "Share this article", "SHARE", "Share on Facebook", "Share this story via WhatsApp", "Tweet this",
    "Follow us on Twitter", "Related: Storm hits the coast", "Related", "Related articles", "Read more: The storm",
    "More on this story", "Advertisement", "ADVERTISEMENT", "Story continues below advertisement",
    "Sign up for our newsletter", "Sign up to our daily newsletter.", "Subscribe to the morning briefing",
    "We use cookies to improve your experience. Accept all cookies.", "By continuing you agree to our use of cookies.",
    "Accept cookies", "Cookie settings", "Copyright 2024 Coast Gazette. All rights reserved.", "© 2024 Gazette",
    "Photo credit: AFP", "Skip to content", "Back to top",
    "We\u2019re using cookies to improve your experience.",  # a typographic apostrophe matches the ASCII one
])
def test_boilerplate(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "Share prices rose sharply on Monday.",
    "Shares in Corvane fell.",
    "Readers can share their views on the plan until Friday.",
    "Related charges were dropped.",
    "Copyright law changes were approved by parliament on Tuesday.",
    "The cookie rules require websites to get consent from users.",
    "Advertisement spending fell 4% last year.",
    "Register for the new tax updates by Friday, officials said.",
    "The newsletter's editor said she would sign up new writers.",
    "",
    # long text is the story, whatever it contains
    "We use cookies " + "and more words " * 20,
])
def test_not_boilerplate(line):
    assert not is_boilerplate(line)


def test_without_boilerplate_keeps_order():
    assert without_boilerplate(["One.", "Advertisement", "Two.", "Share this article", "Three."]) == ["One.", "Two.", "Three."]
