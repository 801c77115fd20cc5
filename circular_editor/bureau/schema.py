"""The bureau server's schema on PostgreSQL, as versioned migrations, and its roles.

Everything lives in schema `ce`. Who may do what is the server's business, not only ours: a person
connects as their own login role, member of per-bureau group roles (`ce_<bureau>_reader`, `_assistant`,
`_signatory`, each a member of the one before); row-level security shows a person only their bureaus'
circulars, and a trigger (`ce.guard`) checks every write:

- writing needs the assistant role of the circular's bureau, and a version exactly one above the one it
  replaces (a push from an older version changes nothing: the desk sees a conflict);
- a circular leaves the draft state (finalized, sent) only by a signatory; a final circular's content
  (its reference included) never changes again;
- who and when are the server's (`session_user`, `now()`), never the client's;
- each write gets the next number of one server-wide clock (`seq`), taken under a row lock, so numbers
  follow commit order and a desk pulls "everything after n" without missing a write;
- every version goes to `ce.versions`, which clients can read but never change (no grant).

References are unique per bureau (a unique index on the reference as `numbering.normalise` folds it,
computed by the server). The per-bureau counters (`ce.counters`) are taken under a row lock in the
finalizing transaction (sync.py), so concurrent finalizes get consecutive numbers.
"""
from __future__ import annotations

import re

SCHEMA_VERSION = 2
LEVELS = ("reader", "assistant", "signatory")
BUREAU_NAME = re.compile(r"[a-z][a-z0-9]{0,15}")  # (fullmatch) it becomes part of role names
CHANNEL = "ce_changes"

MIGRATIONS: dict[int, str] = {
    1: r"""
CREATE TABLE ce.meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE ce.bureaus (bureau text PRIMARY KEY);
CREATE TABLE ce.clock (id int PRIMARY KEY CHECK (id = 1), last bigint NOT NULL);
INSERT INTO ce.clock VALUES (1, 0);

CREATE TABLE ce.circulars (
    gid uuid PRIMARY KEY,
    bureau text NOT NULL REFERENCES ce.bureaus,
    version int NOT NULL CHECK (version >= 1),
    status text NOT NULL CHECK (status IN ('draft', 'final', 'sent')),
    content jsonb NOT NULL,
    deleted boolean NOT NULL DEFAULT false,
    reference_key text NOT NULL DEFAULT '',
    seq bigint NOT NULL,
    saved_by text NOT NULL,
    saved_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX circulars_reference ON ce.circulars (bureau, reference_key) WHERE reference_key <> '';
CREATE INDEX circulars_seq ON ce.circulars (seq);

CREATE TABLE ce.versions (
    gid uuid NOT NULL,
    version int NOT NULL,
    bureau text NOT NULL,
    status text NOT NULL,
    content jsonb NOT NULL,
    deleted boolean NOT NULL,
    saved_by text NOT NULL,
    saved_at timestamptz NOT NULL,
    PRIMARY KEY (gid, version)
);

CREATE TABLE ce.counters (
    bureau text NOT NULL REFERENCES ce.bureaus,
    key text NOT NULL,
    last int NOT NULL,
    PRIMARY KEY (bureau, key)
);

CREATE FUNCTION ce.is_member(bureau text, level text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ce_' || bureau || '_' || level)
           AND pg_has_role(session_user, 'ce_' || bureau || '_' || level, 'MEMBER')
$$;

CREATE FUNCTION ce.reference_key(reference text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT lower(regexp_replace(btrim(coalesce(reference, ''), E' \t\n\r'), E'\\s+', ' ', 'g'))
$$;

CREATE FUNCTION ce.guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ce, pg_catalog AS $$
BEGIN
    IF NOT ce.is_member(NEW.bureau, 'assistant') THEN
        RAISE EXCEPTION 'permission denied: % may not write circulars of bureau %', session_user, NEW.bureau
            USING ERRCODE = '42501';
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.version <> 1 AND NOT ce.is_member(NEW.bureau, 'signatory') THEN
            RAISE EXCEPTION 'a new circular starts at version 1' USING ERRCODE = '22023';
        END IF;
        IF NEW.status <> 'draft' AND NOT ce.is_member(NEW.bureau, 'signatory') THEN
            RAISE EXCEPTION 'permission denied: only a signatory of bureau % may add a % circular',
                NEW.bureau, NEW.status USING ERRCODE = '42501';
        END IF;
    ELSE
        IF NEW.gid <> OLD.gid OR NEW.bureau <> OLD.bureau THEN
            RAISE EXCEPTION 'a circular keeps its id and its bureau' USING ERRCODE = '22023';
        END IF;
        IF NEW.version <> OLD.version + 1 THEN
            RAISE EXCEPTION 'version % does not follow version %', NEW.version, OLD.version
                USING ERRCODE = '40001';
        END IF;
        IF NEW.status <> OLD.status AND NOT ce.is_member(NEW.bureau, 'signatory') THEN
            RAISE EXCEPTION 'permission denied: only a signatory of bureau % may make a circular %',
                NEW.bureau, NEW.status USING ERRCODE = '42501';
        END IF;
        IF OLD.status <> 'draft' AND NEW.content IS DISTINCT FROM OLD.content THEN
            RAISE EXCEPTION 'a % circular cannot be changed (reopen it as a new draft)', OLD.status
                USING ERRCODE = '42501';
        END IF;
        IF OLD.status = 'sent' AND NEW.status <> 'sent' THEN
            RAISE EXCEPTION 'a sent circular stays sent' USING ERRCODE = '42501';
        END IF;
    END IF;
    NEW.reference_key := ce.reference_key(NEW.content ->> 'reference');
    NEW.saved_by := session_user;
    NEW.saved_at := now();
    UPDATE ce.clock SET last = last + 1 WHERE id = 1 RETURNING last INTO NEW.seq;
    RETURN NEW;
END $$;

CREATE FUNCTION ce.keep_version() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ce, pg_catalog AS $$
BEGIN
    INSERT INTO ce.versions VALUES (NEW.gid, NEW.version, NEW.bureau, NEW.status, NEW.content, NEW.deleted,
                                    NEW.saved_by, NEW.saved_at);
    PERFORM pg_notify('ce_changes', NEW.bureau || ' ' || NEW.seq);
    RETURN NULL;
END $$;

CREATE TRIGGER guard BEFORE INSERT OR UPDATE ON ce.circulars FOR EACH ROW EXECUTE FUNCTION ce.guard();
CREATE TRIGGER keep_version AFTER INSERT OR UPDATE ON ce.circulars FOR EACH ROW EXECUTE FUNCTION ce.keep_version();

ALTER TABLE ce.circulars ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON ce.circulars FOR SELECT USING (ce.is_member(bureau, 'reader'));
CREATE POLICY add ON ce.circulars FOR INSERT WITH CHECK (ce.is_member(bureau, 'assistant'));
CREATE POLICY change ON ce.circulars FOR UPDATE USING (ce.is_member(bureau, 'assistant'))
    WITH CHECK (ce.is_member(bureau, 'assistant'));
ALTER TABLE ce.versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON ce.versions FOR SELECT USING (ce.is_member(bureau, 'reader'));
ALTER TABLE ce.counters ENABLE ROW LEVEL SECURITY;
CREATE POLICY numbers ON ce.counters USING (ce.is_member(bureau, 'signatory'))
    WITH CHECK (ce.is_member(bureau, 'signatory'));
""",

    2: r"""
ALTER TABLE ce.circulars
    ADD COLUMN stage text NOT NULL DEFAULT 'editing' CHECK (stage IN ('editing', 'submitted', 'returned')),
    ADD COLUMN note text NOT NULL DEFAULT '',
    ADD COLUMN signers text[] NOT NULL DEFAULT '{}',
    ADD COLUMN in_order boolean NOT NULL DEFAULT true,
    ADD COLUMN signatures jsonb NOT NULL DEFAULT '[]';
ALTER TABLE ce.versions
    ADD COLUMN stage text NOT NULL DEFAULT 'editing',
    ADD COLUMN note text NOT NULL DEFAULT '',
    ADD COLUMN signers text[] NOT NULL DEFAULT '{}',
    ADD COLUMN signatures jsonb NOT NULL DEFAULT '[]';

CREATE TABLE ce.signed_files (
    gid uuid NOT NULL REFERENCES ce.circulars,
    block int NOT NULL CHECK (block >= 0),
    bureau text NOT NULL,
    pdf bytea NOT NULL,
    sha256 text NOT NULL,
    signed_by text NOT NULL,
    signed_at timestamptz NOT NULL,
    PRIMARY KEY (gid, block)
);

CREATE FUNCTION ce.is_signatory(person text, bureau text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = person)
           AND pg_has_role(person, 'ce_' || bureau || '_signatory', 'MEMBER')
$$;

CREATE OR REPLACE FUNCTION ce.guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ce, pg_catalog AS $$
DECLARE
    signed int;
BEGIN
    IF NOT ce.is_member(NEW.bureau, 'assistant') THEN
        RAISE EXCEPTION 'permission denied: % may not write circulars of bureau %', session_user, NEW.bureau
            USING ERRCODE = '42501';
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.version <> 1 AND NOT ce.is_member(NEW.bureau, 'signatory') THEN
            RAISE EXCEPTION 'a new circular starts at version 1' USING ERRCODE = '22023';
        END IF;
        IF NEW.status <> 'draft' AND NOT ce.is_member(NEW.bureau, 'signatory') THEN
            RAISE EXCEPTION 'permission denied: only a signatory of bureau % may add a % circular',
                NEW.bureau, NEW.status USING ERRCODE = '42501';
        END IF;
        IF NEW.stage = 'submitted' THEN
            RAISE EXCEPTION 'a circular is submitted once it is on the server' USING ERRCODE = '42501';
        END IF;
    ELSE
        IF NEW.gid <> OLD.gid OR NEW.bureau <> OLD.bureau THEN
            RAISE EXCEPTION 'a circular keeps its id and its bureau' USING ERRCODE = '22023';
        END IF;
        IF NEW.version <> OLD.version + 1 THEN
            RAISE EXCEPTION 'version % does not follow version %', NEW.version, OLD.version
                USING ERRCODE = '40001';
        END IF;
        IF NEW.status <> OLD.status AND NOT ce.is_member(NEW.bureau, 'signatory') THEN
            RAISE EXCEPTION 'permission denied: only a signatory of bureau % may make a circular %',
                NEW.bureau, NEW.status USING ERRCODE = '42501';
        END IF;
        IF OLD.status = 'draft' AND NEW.status = 'final' AND OLD.stage = 'submitted'
           AND NOT session_user = ANY (OLD.signers) THEN
            RAISE EXCEPTION 'permission denied: only a signatory it was submitted to may finalize it'
                USING ERRCODE = '42501';
        END IF;
        IF OLD.status <> 'draft' AND NEW.content IS DISTINCT FROM OLD.content THEN
            RAISE EXCEPTION 'a % circular cannot be changed (reopen it as a new draft)', OLD.status
                USING ERRCODE = '42501';
        END IF;
        IF OLD.status = 'sent' AND NEW.status <> 'sent' THEN
            RAISE EXCEPTION 'a sent circular stays sent' USING ERRCODE = '42501';
        END IF;
        IF OLD.status = 'final' AND NEW.status = 'draft' THEN
            RAISE EXCEPTION 'a final circular stays final (reopen it as a new draft)' USING ERRCODE = '42501';
        END IF;
        IF OLD.stage = 'submitted' AND NEW.stage = 'submitted' AND NEW.content IS DISTINCT FROM OLD.content
           AND NOT (OLD.status = 'draft' AND NEW.status = 'final'  -- (finalizing gives the reference, nothing else)
                    AND (NEW.content - 'reference') = (OLD.content - 'reference')) THEN
            RAISE EXCEPTION 'a circular submitted for signature cannot be changed: take it back first'
                USING ERRCODE = '42501';
        END IF;
        IF NEW.stage = 'submitted' AND OLD.stage <> 'submitted' THEN
            IF cardinality(NEW.signers) = 0 OR EXISTS (SELECT 1 FROM unnest(NEW.signers) AS s (person)
                                                      WHERE NOT ce.is_signatory(s.person, NEW.bureau)) THEN
                RAISE EXCEPTION 'a circular is submitted to signatories of bureau %', NEW.bureau
                    USING ERRCODE = '42501';
            END IF;
            IF NEW.content IS DISTINCT FROM OLD.content THEN
                RAISE EXCEPTION 'submit the circular as it was saved' USING ERRCODE = '22023';
            END IF;
        END IF;
        IF OLD.stage = 'submitted' AND NEW.stage = 'returned' THEN
            IF NOT session_user = ANY (OLD.signers) THEN
                RAISE EXCEPTION 'permission denied: only a signatory it was submitted to may return it'
                    USING ERRCODE = '42501';
            END IF;
            IF btrim(NEW.note) = '' THEN
                RAISE EXCEPTION 'a circular is returned with a note saying why' USING ERRCODE = '22023';
            END IF;
        END IF;
        IF OLD.stage = 'submitted' AND NEW.stage = 'submitted' AND NEW.signers IS DISTINCT FROM OLD.signers THEN
            RAISE EXCEPTION 'the signatories of a submitted circular change only when it is taken back'
                USING ERRCODE = '42501';
        END IF;
    END IF;
    -- the signatures are the signed files' (never a client's word); the last one makes the circular sent
    SELECT coalesce(jsonb_agg(jsonb_build_object('block', f.block, 'sha256', f.sha256, 'signed_by', f.signed_by,
                                                 'signed_at', f.signed_at::text) ORDER BY f.block), '[]'),
           count(*)
      INTO NEW.signatures, signed FROM ce.signed_files f WHERE f.gid = NEW.gid;
    IF NEW.status = 'final' AND cardinality(NEW.signers) > 0 AND signed >= cardinality(NEW.signers) THEN
        NEW.status := 'sent';
    END IF;
    NEW.reference_key := ce.reference_key(NEW.content ->> 'reference');
    NEW.saved_by := session_user;
    NEW.saved_at := now();
    UPDATE ce.clock SET last = last + 1 WHERE id = 1 RETURNING last INTO NEW.seq;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION ce.keep_version() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ce, pg_catalog AS $$
BEGIN
    INSERT INTO ce.versions (gid, version, bureau, status, content, deleted, saved_by, saved_at, stage, note,
                             signers, signatures)
        VALUES (NEW.gid, NEW.version, NEW.bureau, NEW.status, NEW.content, NEW.deleted, NEW.saved_by,
                NEW.saved_at, NEW.stage, NEW.note, NEW.signers, NEW.signatures);
    PERFORM pg_notify('ce_changes', NEW.bureau || ' ' || NEW.seq);
    RETURN NULL;
END $$;

CREATE FUNCTION ce.check_signature() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ce, pg_catalog AS $$
DECLARE
    c ce.circulars%ROWTYPE;
    newest bytea;
BEGIN
    SELECT * INTO c FROM ce.circulars WHERE gid = NEW.gid FOR UPDATE;
    IF NOT FOUND OR NOT ce.is_member(c.bureau, 'signatory') THEN
        RAISE EXCEPTION 'permission denied: % may not sign circulars of this bureau', session_user
            USING ERRCODE = '42501';
    END IF;
    IF c.status <> 'final' THEN
        RAISE EXCEPTION 'only a final circular is signed (this one is %)', c.status USING ERRCODE = '42501';
    END IF;
    IF NEW.block >= cardinality(c.signers) OR c.signers[NEW.block + 1] <> session_user THEN
        RAISE EXCEPTION 'permission denied: block % is not %''s to sign', NEW.block + 1, session_user
            USING ERRCODE = '42501';
    END IF;
    IF c.in_order AND (SELECT count(*) FROM ce.signed_files WHERE gid = NEW.gid AND block < NEW.block) < NEW.block THEN
        RAISE EXCEPTION 'the signatories sign in order: block % waits for the ones before it', NEW.block + 1
            USING ERRCODE = '42501';
    END IF;
    SELECT pdf INTO newest FROM ce.signed_files WHERE gid = NEW.gid ORDER BY signed_at DESC, block DESC LIMIT 1;
    IF newest IS NOT NULL AND substring(NEW.pdf FROM 1 FOR length(newest)) <> newest THEN
        RAISE EXCEPTION 'a signature is added to the signed file as it is (an incremental update of it)'
            USING ERRCODE = '22023';
    END IF;
    NEW.bureau := c.bureau;
    NEW.sha256 := encode(sha256(NEW.pdf), 'hex');
    NEW.signed_by := session_user;
    NEW.signed_at := clock_timestamp();
    RETURN NEW;
END $$;

CREATE FUNCTION ce.after_signature() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ce, pg_catalog AS $$
BEGIN
    UPDATE ce.circulars SET version = version + 1 WHERE gid = NEW.gid;  -- (the guard counts the signatures)
    RETURN NULL;
END $$;

CREATE TRIGGER check_signature BEFORE INSERT ON ce.signed_files FOR EACH ROW EXECUTE FUNCTION ce.check_signature();
CREATE TRIGGER after_signature AFTER INSERT ON ce.signed_files FOR EACH ROW EXECUTE FUNCTION ce.after_signature();
ALTER TABLE ce.signed_files ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON ce.signed_files FOR SELECT USING (ce.is_member(bureau, 'reader'));
CREATE POLICY sign ON ce.signed_files FOR INSERT WITH CHECK (ce.is_member(bureau, 'signatory'));
""",
}


def grants(bureau: str) -> list[str]:
    """What each of a bureau's group roles may do (in the current database)."""
    reader, assistant, signatory = (f"ce_{bureau}_{level}" for level in LEVELS)
    return [
        f"GRANT USAGE ON SCHEMA ce TO {reader}",
        f"GRANT SELECT ON ce.meta, ce.bureaus, ce.circulars, ce.versions TO {reader}",
        f"GRANT INSERT, UPDATE ON ce.circulars TO {assistant}",
        f"GRANT SELECT, INSERT, UPDATE ON ce.counters TO {signatory}",
        f"GRANT SELECT ON ce.signed_files TO {reader}",
        f"GRANT INSERT ON ce.signed_files TO {signatory}",
        f"GRANT EXECUTE ON FUNCTION ce.is_signatory(text, text) TO {reader}",
        f"GRANT EXECUTE ON FUNCTION ce.is_member(text, text), ce.reference_key(text) TO {reader}",
    ]
