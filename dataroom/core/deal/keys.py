"""A party's key set: Ed25519 (signs cards, NDAs, manifests), age X25519 (receives packets), and an ECDSA P-256
party root CA with a leaf certificate for PAdES signatures on PDFs.

Everything private stays in memory here and in the encrypted vault database (``identity_keys``); nothing in this
module writes a file, and ``repr`` of a :class:`KeySet` shows no secret. Both certificates carry the fingerprint key
id of the whole key set (a ``urn:dataroom:keys:<hex>`` URI in subjectAltName), so the CA's signature vouches for the
Ed25519 and age keys too, while the card's Ed25519 self-signature vouches for the certificates: they are bound
both ways, and a certificate lifted from one card into another no longer matches.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import pyrage
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier

from dataroom.core.canonical import canonical_json
from dataroom.core.deal import fingerprint
from dataroom.core.errors import InputError

ROLES = ("seller", "buyer", "advisor")

#: id-kp-documentSigning (RFC 9336) and Microsoft's Document Signing, which Adobe Acrobat also accepts; plus
#: emailProtection, the EKU older PDF validators look for on personal signing certificates.
DOCUMENT_SIGNING = ObjectIdentifier("1.3.6.1.5.5.7.3.36")
MS_DOCUMENT_SIGNING = ObjectIdentifier("1.3.6.1.4.1.311.10.3.12")

CA_YEARS = 10
SIGNING_YEARS = 5

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise InputError("A key or signature is not valid base64.") from exc


@dataclass(frozen=True)
class PartyDetails:
    """Who a key set belongs to, as printed on the card and in the certificates."""

    organisation: str
    person: str
    email: str
    role: str

    def checked(self) -> PartyDetails:
        """Trimmed copy, or :class:`InputError` naming the field that cannot be used."""
        org, person, email, role = (self.organisation.strip(), self.person.strip(), self.email.strip(), self.role)
        if not org or len(org) > 200:
            raise InputError("Give the organisation's name (at most 200 characters).")
        if not person or len(person) > 100:
            raise InputError("Give the person's name (at most 100 characters).")
        if not _EMAIL.fullmatch(email) or len(email) > 254:
            raise InputError(f"{email!r} is not an e-mail address.")
        if role not in ROLES:
            raise InputError(f"The role must be one of {', '.join(ROLES)}, not {role!r}.")
        return PartyDetails(org, person, email, role)

    def to_json(self) -> dict[str, str]:
        return {"organisation": self.organisation, "person": self.person, "email": self.email, "role": self.role}


@dataclass(frozen=True)
class KeySet:
    """One generation of a party's keys with its two certificates. Private parts never appear in ``repr``."""

    ed25519: Ed25519PrivateKey = field(repr=False)
    age: Any = field(repr=False)  # pyrage.x25519.Identity (the extension ships no type stubs)
    ca_key: ec.EllipticCurvePrivateKey = field(repr=False)
    signing_key: ec.EllipticCurvePrivateKey = field(repr=False)
    ca_certificate: x509.Certificate
    signing_certificate: x509.Certificate

    def public_keys(self) -> dict[str, str]:
        """The public half, as published on the card and hashed into the fingerprint."""
        return public_keys(
            self.ed25519.public_key(), str(self.age.to_public()), self.ca_certificate, self.signing_certificate
        )

    @property
    def fingerprint(self) -> str:
        return fingerprint.compute(self.public_keys())

    def to_private_row(self) -> dict[str, Any]:
        """Column values of ``identity_keys`` holding the private parts (for the vault database only)."""
        pkcs8 = serialization.PrivateFormat.PKCS8
        der = serialization.Encoding.DER
        none = serialization.NoEncryption()
        return {
            "ed25519_private": self.ed25519.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                                          serialization.NoEncryption()),
            "age_identity": str(self.age),
            "ca_private": self.ca_key.private_bytes(der, pkcs8, none),
            "signing_private": self.signing_key.private_bytes(der, pkcs8, none),
        }  # fmt: skip

    @classmethod
    def from_private_row(cls, row: dict[str, Any], public: dict[str, str]) -> KeySet:
        """Rebuild from ``identity_keys`` columns and the card's public keys (which hold the certificates)."""
        ca_key = serialization.load_der_private_key(bytes(row["ca_private"]), None)
        signing_key = serialization.load_der_private_key(bytes(row["signing_private"]), None)
        assert isinstance(ca_key, ec.EllipticCurvePrivateKey) and isinstance(signing_key, ec.EllipticCurvePrivateKey)
        return cls(
            Ed25519PrivateKey.from_private_bytes(bytes(row["ed25519_private"])),
            pyrage.x25519.Identity.from_str(str(row["age_identity"])),
            ca_key,
            signing_key,
            x509.load_der_x509_certificate(unb64(public["ca_certificate"])),
            x509.load_der_x509_certificate(unb64(public["signing_certificate"])),
        )


def _spki_b64(public: Any) -> str:
    return b64(public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo))


def spki(cert: x509.Certificate) -> str:
    """Base64 DER SubjectPublicKeyInfo of a certificate's key."""
    return _spki_b64(cert.public_key())


def raw_ed25519(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_keys(
    ed: Ed25519PublicKey, age_recipient: str, ca_cert: x509.Certificate, signing_cert: x509.Certificate
) -> dict[str, str]:
    """The fingerprinted key material: exactly these four fields, nothing else."""
    return {
        "ed25519": b64(raw_ed25519(ed)),
        "age": age_recipient,
        "ca_spki": spki(ca_cert),
        "signing_spki": spki(signing_cert),
    }


def fingerprinted(keys: dict[str, str]) -> dict[str, str]:
    """The subset of a card's ``keys`` object that the fingerprint covers."""
    return {
        "ed25519": keys["ed25519"],
        "age": keys["age"],
        "ca_spki": spki(x509.load_der_x509_certificate(unb64(keys["ca_certificate"]))),
        "signing_spki": spki(x509.load_der_x509_certificate(unb64(keys["signing_certificate"]))),
    }


def party_uri(party_id: str) -> str:
    return f"urn:dataroom:party:{party_id}"


def keys_uri(key_id: str) -> str:
    return f"urn:dataroom:keys:{key_id}"


def generate(details: PartyDetails, party_id: str, now: dt.datetime | None = None) -> KeySet:
    """Fresh keys of every kind and the two certificates binding them to ``details`` and to each other."""
    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    ed = Ed25519PrivateKey.generate()
    age = pyrage.x25519.Identity.generate()
    ca_key = ec.generate_private_key(ec.SECP256R1())
    signing_key = ec.generate_private_key(ec.SECP256R1())
    # The key id covers the certificates' public keys, not the certificates, so it can be computed first.
    kid = fingerprint.key_id(
        {
            "ed25519": b64(raw_ed25519(ed.public_key())),
            "age": str(age.to_public()),
            "ca_spki": _spki_of_key(ca_key),
            "signing_spki": _spki_of_key(signing_key),
        }
    )
    ca_cert = _ca_certificate(details, party_id, kid, ca_key, now)
    signing_cert = _signing_certificate(details, party_id, kid, signing_key, ca_key, ca_cert, now)
    return KeySet(ed, age, ca_key, signing_key, ca_cert, signing_cert)


def _spki_of_key(key: ec.EllipticCurvePrivateKey) -> str:
    return _spki_b64(key.public_key())


def _key_usage(**granted: bool) -> x509.KeyUsage:
    """A KeyUsage with only the named bits set (the constructor insists on all nine)."""
    bits = ("digital_signature", "content_commitment", "key_encipherment", "data_encipherment", "key_agreement",
            "key_cert_sign", "crl_sign", "encipher_only", "decipher_only")  # fmt: skip
    return x509.KeyUsage(**{b: granted.get(b, False) for b in bits})


def _san(party_id: str, kid: str, email: str | None) -> x509.SubjectAlternativeName:
    names: list[x509.GeneralName] = [
        x509.UniformResourceIdentifier(party_uri(party_id)),
        x509.UniformResourceIdentifier(keys_uri(kid)),
    ]
    if email and email.isascii():  # RFC 5280 rfc822Name is ASCII; an internationalised address stays on the card
        names.insert(0, x509.RFC822Name(email))
    return x509.SubjectAlternativeName(names)


def name_value(text: str, limit: int = 64) -> str:
    """``text`` cut to X.509's 64-unit limit, which ``cryptography`` counts in UTF-8 bytes (a Chinese
    character takes three), without splitting a character."""
    while len(text.encode("utf-8")) > limit:
        text = text[:-1]
    return text


def _ca_certificate(
    details: PartyDetails, party_id: str, kid: str, key: ec.EllipticCurvePrivateKey, now: dt.datetime
) -> x509.Certificate:
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, name_value(f"{details.organisation} – Dataroom party root")),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, name_value(details.organisation)),
        ]
    )
    public = key.public_key()
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))  # tolerates a counterparty's clock being a little behind
        .not_valid_after(now + dt.timedelta(days=365 * CA_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(key_cert_sign=True, crl_sign=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(_san(party_id, kid, None), critical=False)
        .sign(key, hashes.SHA256())
    )


def _signing_certificate(
    details: PartyDetails,
    party_id: str,
    kid: str,
    key: ec.EllipticCurvePrivateKey,
    ca_key: ec.EllipticCurvePrivateKey,
    ca_cert: x509.Certificate,
    now: dt.datetime,
) -> x509.Certificate:
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, name_value(details.person)),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, name_value(details.organisation)),
        ]
    )
    public = key.public_key()
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(ca_cert.subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(min(now + dt.timedelta(days=365 * SIGNING_YEARS), ca_cert.not_valid_after_utc))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(digital_signature=True, content_commitment=True), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([DOCUMENT_SIGNING, MS_DOCUMENT_SIGNING, ExtendedKeyUsageOID.EMAIL_PROTECTION]),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .add_extension(_san(party_id, kid, details.email), critical=False)
        .sign(ca_key, hashes.SHA256())
    )


def sign_json(key: Ed25519PrivateKey, domain: bytes, obj: Any) -> str:
    """Base64 Ed25519 signature over ``domain || canonical_json(obj)``; the domain keeps document kinds apart."""
    return b64(key.sign(domain + canonical_json(obj)))


def verify_json(public_b64: str, domain: bytes, obj: Any, signature_b64: str) -> bool:
    """Whether ``signature_b64`` is the Ed25519 signature of ``obj`` under ``domain`` by ``public_b64``."""
    try:
        key = Ed25519PublicKey.from_public_bytes(unb64(public_b64))
        key.verify(unb64(signature_b64), domain + canonical_json(obj))
    except (InvalidSignature, ValueError, InputError):
        return False
    return True


def certificate_uris(cert: x509.Certificate) -> list[str]:
    """The URIs in a certificate's subjectAltName (empty when it has none)."""
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return []
    return list(san.get_values_for_type(x509.UniformResourceIdentifier))
