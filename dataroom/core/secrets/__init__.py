"""Key protection: Argon2id passphrase KDF, AES-GCM key wrapping, OS keyring detection, TOTP."""
