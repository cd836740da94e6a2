CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,          -- absolute path, or stdin:<sha256 prefix>
    sha256 TEXT NOT NULL,               -- of the decoded text
    title TEXT,
    encoding TEXT NOT NULL,
    format TEXT NOT NULL,               -- txt, md, html
    chars INTEGER NOT NULL,
    text TEXT NOT NULL,                 -- the decoded text that occurrence offsets point into
    extractor TEXT NOT NULL,            -- extractor version that produced this document's evidence
    first_ingested TEXT NOT NULL,
    last_ingested TEXT NOT NULL
);

CREATE TABLE english (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    display TEXT NOT NULL,              -- the most frequent surface form
    is_abbr INTEGER NOT NULL DEFAULT 0
, written TEXT);

CREATE TABLE english_aliases (
    key TEXT PRIMARY KEY,
    english_id INTEGER NOT NULL REFERENCES english(id) ON DELETE CASCADE
);

CREATE TABLE lookup_gram_counts (
    gram TEXT NOT NULL,
    field INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (gram, field)
) WITHOUT ROWID;

CREATE TABLE lookup_grams (
    gram TEXT NOT NULL,
    field INTEGER NOT NULL,             -- 1: bigram of terms.zh, 2: trigram of english.key
    len INTEGER NOT NULL,               -- characters in the whole key
    id INTEGER NOT NULL,                -- terms.id or english.id
    PRIMARY KEY (gram, field, len, id)
) WITHOUT ROWID;

CREATE TABLE lookup_positions (n INTEGER PRIMARY KEY);

CREATE TABLE occurrences (
    id INTEGER PRIMARY KEY,
    pair_id INTEGER NOT NULL REFERENCES pairs(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,             -- offsets of the Chinese term in documents.text
    end INTEGER NOT NULL,
    line INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    zh_surface TEXT NOT NULL,           -- as written (traditional stays traditional)
    en_surface TEXT NOT NULL,
    pattern TEXT NOT NULL,
    confidence REAL NOT NULL,
    parent_pair_id INTEGER REFERENCES pairs(id) ON DELETE SET NULL
);

CREATE TABLE pairs (
    id INTEGER PRIMARY KEY,
    term_id INTEGER NOT NULL REFERENCES terms(id),
    english_id INTEGER NOT NULL REFERENCES english(id),
    abbr TEXT,
    status TEXT NOT NULL DEFAULT 'candidate' CHECK (status IN ('candidate', 'approved', 'rejected')),
    origin TEXT NOT NULL CHECK (origin IN ('extracted', 'derived', 'manual', 'imported')),
    curated INTEGER NOT NULL DEFAULT 0, -- a person decided: extraction never changes or removes this row
    confidence REAL NOT NULL DEFAULT 0 CHECK (confidence BETWEEN 0 AND 1),
    count INTEGER NOT NULL DEFAULT 0,   -- occurrences in documents
    note TEXT,
    tags TEXT NOT NULL DEFAULT '[]',    -- JSON list
    source TEXT,                        -- the file a pair was imported from
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    updated TEXT NOT NULL,
    UNIQUE (term_id, english_id)
);

CREATE TABLE suppressed (
    zh TEXT NOT NULL,
    en_key TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (zh, en_key)
);

CREATE TABLE term_aliases (
    zh TEXT PRIMARY KEY,
    term_id INTEGER NOT NULL REFERENCES terms(id) ON DELETE CASCADE
);

CREATE TABLE terms (
    id INTEGER PRIMARY KEY,
    zh TEXT NOT NULL UNIQUE,
    pinyin TEXT NOT NULL,               -- tone marks: hòu xùn liàn
    pinyin_key TEXT NOT NULL,           -- toneless, no spaces: houxunlian
    initials TEXT NOT NULL,             -- hxl
    search TEXT NOT NULL DEFAULT '',    -- tokens for full-text search (see normalize.search_tokens)
    note TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
, uid TEXT, written TEXT, pinyin_written TEXT);

CREATE VIRTUAL TABLE terms_fts USING fts5(
    search, content=[terms], content_rowid=id, tokenize='unicode61 remove_diacritics 2'
);

CREATE TABLE untranslated (
    id INTEGER PRIMARY KEY,
    zh TEXT NOT NULL UNIQUE,            -- as the documents write it
    count INTEGER NOT NULL,             -- occurrences in the corpus
    documents INTEGER NOT NULL,         -- documents it occurs in
    score REAL NOT NULL,                -- termhood, higher first
    example TEXT,                       -- a sentence it occurs in
    document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    proposed_en TEXT,                   -- an English form the glossary suggests, if any
    updated TEXT NOT NULL
);

CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");

CREATE INDEX occurrences_document ON occurrences(document_id);

CREATE INDEX occurrences_pair ON occurrences(pair_id);

CREATE INDEX pairs_abbr_key ON pairs(lower(replace(replace(replace(abbr, '-', ''), ' ', ''), '.', '')))
    WHERE abbr IS NOT NULL;

CREATE INDEX pairs_english ON pairs(english_id);

CREATE INDEX pairs_status ON pairs(status);

CREATE INDEX terms_initials ON terms(initials);

CREATE INDEX terms_pinyin_key ON terms(pinyin_key);

CREATE UNIQUE INDEX terms_uid ON terms(uid);

CREATE INDEX untranslated_score ON untranslated(score DESC);

CREATE VIEW english_forms AS
    SELECT p.english_id, o.en_surface AS form, count(*) AS count
    FROM occurrences o JOIN pairs p ON p.id = o.pair_id
    GROUP BY p.english_id, o.en_surface;

CREATE VIEW term_forms AS
    SELECT p.term_id, o.zh_surface AS form, count(*) AS count
    FROM occurrences o JOIN pairs p ON p.id = o.pair_id
    GROUP BY p.term_id, o.zh_surface;

CREATE TRIGGER lookup_english_delete AFTER DELETE ON english BEGIN
DELETE FROM lookup_grams WHERE (gram, field, len, id) IN (
    SELECT substr(OLD.key, p.n, 3), 2, length(OLD.key), OLD.id
        FROM lookup_positions p WHERE p.n <= length(OLD.key) - 2);
END;

CREATE TRIGGER lookup_english_insert AFTER INSERT ON english BEGIN
INSERT OR IGNORE INTO lookup_grams (gram, field, len, id)
    SELECT substr(NEW.key, p.n, 3), 2, length(NEW.key), NEW.id
        FROM lookup_positions p WHERE p.n <= length(NEW.key) - 2;
END;

CREATE TRIGGER lookup_english_update AFTER UPDATE OF key ON english BEGIN
DELETE FROM lookup_grams WHERE (gram, field, len, id) IN (
    SELECT substr(OLD.key, p.n, 3), 2, length(OLD.key), OLD.id
        FROM lookup_positions p WHERE p.n <= length(OLD.key) - 2);
INSERT OR IGNORE INTO lookup_grams (gram, field, len, id)
    SELECT substr(NEW.key, p.n, 3), 2, length(NEW.key), NEW.id
        FROM lookup_positions p WHERE p.n <= length(NEW.key) - 2;
END;

CREATE TRIGGER lookup_grams_delete AFTER DELETE ON lookup_grams BEGIN
UPDATE lookup_gram_counts SET n = n - 1 WHERE gram = OLD.gram AND field = OLD.field;
END;

CREATE TRIGGER lookup_grams_insert AFTER INSERT ON lookup_grams BEGIN
INSERT INTO lookup_gram_counts (gram, field, n) VALUES (NEW.gram, NEW.field, 1)
    ON CONFLICT (gram, field) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER lookup_terms_delete AFTER DELETE ON terms BEGIN
DELETE FROM lookup_grams WHERE (gram, field, len, id) IN (
    SELECT substr(lower(OLD.zh) || '$', p.n, 2), 1, length(OLD.zh), OLD.id
        FROM lookup_positions p WHERE p.n <= length(lower(OLD.zh) || '$') - 1);
END;

CREATE TRIGGER lookup_terms_insert AFTER INSERT ON terms BEGIN
INSERT OR IGNORE INTO lookup_grams (gram, field, len, id)
    SELECT substr(lower(NEW.zh) || '$', p.n, 2), 1, length(NEW.zh), NEW.id
        FROM lookup_positions p WHERE p.n <= length(lower(NEW.zh) || '$') - 1;
END;

CREATE TRIGGER lookup_terms_update AFTER UPDATE OF zh ON terms BEGIN
DELETE FROM lookup_grams WHERE (gram, field, len, id) IN (
    SELECT substr(lower(OLD.zh) || '$', p.n, 2), 1, length(OLD.zh), OLD.id
        FROM lookup_positions p WHERE p.n <= length(lower(OLD.zh) || '$') - 1);
INSERT OR IGNORE INTO lookup_grams (gram, field, len, id)
    SELECT substr(lower(NEW.zh) || '$', p.n, 2), 1, length(NEW.zh), NEW.id
        FROM lookup_positions p WHERE p.n <= length(lower(NEW.zh) || '$') - 1;
END;

CREATE TRIGGER terms_fts_delete AFTER DELETE ON terms BEGIN
    INSERT INTO terms_fts (terms_fts, rowid, search) VALUES ('delete', old.id, old.search);
END;

CREATE TRIGGER terms_fts_insert AFTER INSERT ON terms BEGIN
    INSERT INTO terms_fts (rowid, search) VALUES (new.id, new.search);
END;

CREATE TRIGGER terms_fts_update AFTER UPDATE OF search ON terms WHEN old.search IS NOT new.search BEGIN
    INSERT INTO terms_fts (terms_fts, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO terms_fts (rowid, search) VALUES (new.id, new.search);
END;

CREATE TRIGGER terms_uid_insert AFTER INSERT ON terms WHEN new.uid IS NULL BEGIN
    UPDATE terms SET uid = lower(hex(randomblob(16))) WHERE id = new.id;
END;

INSERT INTO [lookup_positions] VALUES
    (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15), (16), (17), (18), (19), (20),
    (21), (22), (23), (24), (25), (26), (27), (28), (29), (30), (31), (32), (33), (34), (35), (36), (37), (38), (39),
    (40), (41), (42), (43), (44), (45), (46), (47), (48), (49), (50), (51), (52), (53), (54), (55), (56), (57), (58),
    (59), (60), (61), (62), (63), (64), (65), (66), (67), (68), (69), (70), (71), (72), (73), (74), (75), (76), (77),
    (78), (79), (80), (81), (82), (83), (84), (85), (86), (87), (88), (89), (90), (91), (92), (93), (94), (95), (96),
    (97), (98), (99), (100), (101), (102), (103), (104), (105), (106), (107), (108), (109), (110), (111), (112),
    (113), (114), (115), (116), (117), (118), (119), (120), (121), (122), (123), (124), (125), (126), (127), (128),
    (129), (130), (131), (132), (133), (134), (135), (136), (137), (138), (139), (140), (141), (142), (143), (144),
    (145), (146), (147), (148), (149), (150), (151), (152), (153), (154), (155), (156), (157), (158), (159), (160),
    (161), (162), (163), (164), (165), (166), (167), (168), (169), (170), (171), (172), (173), (174), (175), (176),
    (177), (178), (179), (180), (181), (182), (183), (184), (185), (186), (187), (188), (189), (190), (191), (192),
    (193), (194), (195), (196), (197), (198), (199), (200), (201), (202), (203), (204), (205), (206), (207), (208),
    (209), (210), (211), (212), (213), (214), (215), (216), (217), (218), (219), (220), (221), (222), (223), (224),
    (225), (226), (227), (228), (229), (230), (231), (232), (233), (234), (235), (236), (237), (238), (239), (240),
    (241), (242), (243), (244), (245), (246), (247), (248), (249), (250), (251), (252), (253), (254), (255);

INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES
    ('glossary', 'm001_create_glossary', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now')),
    ('glossary', 'm002_untranslated', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now')),
    ('glossary', 'm004_search_fts', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now')),
    ('glossary', 'm005_term_uid', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now')),
    ('glossary', 'm003_lookup_index', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now')),
    ('glossary', 'm006_layout_space_keys', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now')),
    ('glossary', 'm007_greek_layout_keys', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now')),
    ('glossary', 'm008_term_written', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now')),
    ('glossary', 'm009_english_written', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now')),
    ('glossary', 'm010_english_plural_keys', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now')),
    ('glossary', 'm011_pinyin_corrections', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now')),
    ('glossary', 'm012_term_pinyin_written', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now')),
    ('glossary', 'm013_pinyin_tones', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now')),
    ('glossary', 'm014_accented_layout_keys', strftime('%Y-%m-%d %H:%M:%f+00:00', 'now'));
