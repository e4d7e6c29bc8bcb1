-- Content in other languages: one row per translated patient-visible text. English stays in the content tables.
-- key names the text's place, like 'treatments/finasteride/questions/2' or 'settings/doctor_guidance' (the
-- doctor guidance in that language); see kiosk/content/languages.py. source is a fingerprint of the English
-- text it translates: when the English changes, the translation is out of date and patients see the English.

CREATE TABLE translation (
    language TEXT NOT NULL CHECK (length(language) BETWEEN 2 AND 3),
    key      TEXT NOT NULL,
    text     TEXT NOT NULL CHECK (length(trim(text)) > 0),
    source   TEXT NOT NULL,
    PRIMARY KEY (language, key)
);

-- The languages this kiosk offers patients besides English: every language its content has carried. Kept when a
-- pack without that language is imported, so `kiosk-admin check` can say the language is now missing.
CREATE TABLE content_language (
    language TEXT PRIMARY KEY CHECK (length(language) BETWEEN 2 AND 3)
);
