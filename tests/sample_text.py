"""Made-up article paragraphs shared by the cleaning and benchmark tests (plain prose, no
chrome: what a cleaner must keep)."""

ARTICLE = [
    "The city council voted on Tuesday to expand the bus network across the northern districts, "
    "a plan that officials said would cut travel times for thousands of commuters.",
    "Critics of the proposal argued that the cost had been underestimated and that the money "
    "would be better spent on repairing the roads that already exist in the area.",
    "The mayor said the first new routes would open in the spring, and that the council would "
    "review the results of the trial at the end of the year before going further.",
    "Residents who spoke to reporters at the meeting were divided, with some welcoming the "
    "change and others saying that they had not been consulted about it at all.",
]
