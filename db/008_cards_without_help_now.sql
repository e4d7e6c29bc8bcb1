-- The cards without "Get help now" signs, indexed apart: the kiosk asks at every start whether any card lacks
-- them (content from an older kiosk is brought up to the safety rules once). Without this index the answer
-- "none" meant reading every card (10 ms with 10,000 cards); the index holds only the cards that lack them.

CREATE INDEX treatment_without_help_now ON treatment (position) WHERE get_help_now = '[]';
