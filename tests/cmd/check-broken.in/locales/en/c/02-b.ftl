a-title = Consent
