-- Telling the owner (issue 12): each new finding notifies the organisation that owns it
-- when it is raised. One notification per finding, append-only; each user acknowledges
-- it for themselves, so a colleague's acknowledgement does not hide it from the rest.
CREATE TABLE finding_notifications (
  id           BIGSERIAL PRIMARY KEY,
  finding_id   TEXT NOT NULL UNIQUE REFERENCES findings (id),
  organisation TEXT NOT NULL,
  severity     TEXT NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
  at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX finding_notifications_organisation ON finding_notifications (organisation, at);
CREATE TRIGGER finding_notifications_append_only BEFORE UPDATE OR DELETE ON finding_notifications
  FOR EACH ROW EXECUTE FUNCTION threadline_forbid_change();

CREATE TABLE notification_acknowledgements (
  notification_id BIGINT NOT NULL REFERENCES finding_notifications (id),
  user_id         TEXT NOT NULL,
  at              TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (notification_id, user_id)
);
CREATE TRIGGER notification_acknowledgements_append_only BEFORE UPDATE OR DELETE ON notification_acknowledgements
  FOR EACH ROW EXECUTE FUNCTION threadline_forbid_change();

-- Emails sent, so that a restart or a second `threadline digest` sends nothing twice:
-- a high-severity notification's own email, and each organisation's digest of a local day.
CREATE TABLE notification_emails_sent (
  notification_id BIGINT PRIMARY KEY REFERENCES finding_notifications (id),
  sent_at         TIMESTAMPTZ NOT NULL
);
CREATE TABLE notification_digests_sent (
  organisation TEXT NOT NULL,
  day          DATE NOT NULL,
  findings     INTEGER NOT NULL,
  sent_at      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (organisation, day)
);
