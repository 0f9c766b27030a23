-- The CP-IS check (issue 16): a child's NHS number is looked up as its digits however it was
-- recorded (spaced or not), and a notification can be addressed to one organisation (the
-- local authority that owns a child's plan) rather than to every holder of a role.
CREATE INDEX persons_nhs_number_digits ON persons ((replace(nhs_number, ' ', '')));
ALTER TABLE notifications ADD COLUMN for_organisation TEXT;
CREATE INDEX notifications_for_organisation ON notifications (for_organisation, at);
