"""PAdES B-B signatures on PDFs (pyHanko), offline: sign, counter-sign by incremental update, verify.

Signatures use the party's ECDSA P-256 leaf certificate (Ed25519 PDF signatures fail in common readers) with its
self-signed party root in the CMS certificate set, no timestamp authority and no revocation fetching — the
machines are air-gapped. Verification trusts exactly the party roots the caller passes (the confirmed
counterparties' cards), so a signature is "trusted" only when it chains to a root confirmed out of band.
"""

from __future__ import annotations

import io
import logging
import zlib
from dataclasses import dataclass

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from pyhanko.pdf_utils import embed
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfReadError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import ModificationLevel, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from dataroom.core.errors import InputError

# pyHanko logs every untrusted chain at WARNING; our reports say it in words instead.
logging.getLogger("pyhanko").setLevel(logging.ERROR)
logging.getLogger("pyhanko_certvalidator").setLevel(logging.ERROR)


class NotAPdf(InputError):
    """The bytes are not a readable PDF."""

    code = "not-a-pdf"


@dataclass(frozen=True)
class SignerCredentials:
    """What signing needs: the leaf key and certificate, and the party root that issued it."""

    key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate
    root: x509.Certificate


@dataclass(frozen=True)
class SignatureReport:
    """One signature of a PDF, checked."""

    field: str
    signer: str  # the leaf certificate's subject, human-readable
    signer_root_sha256: str  # fingerprint of the root it chains to ("" when unknown)
    signed_at: str
    intact: bool  # the signed byte ranges hash to what was signed
    valid: bool  # the cryptographic signature checks
    trusted: bool  # chains to one of the given roots
    covers_whole_file: bool  # no bytes were added after it
    later_changes_allowed: bool  # what was added after it is only further signatures/form filling

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.trusted and self.later_changes_allowed


#: Changes after a signature that do not invalidate it: none, or further signatures (each one fills a form field).
_ALLOWED_LATER = (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING)


def _asn1_cert(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def _asn1_key(key: ec.EllipticCurvePrivateKey) -> asn1_keys.PrivateKeyInfo:
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return asn1_keys.PrivateKeyInfo.load(der)


def attach(pdf: bytes, name: str, data: bytes, description: str, mime_type: str = "application/json") -> bytes:
    """Embed ``data`` as a file attachment (before signing, so the signature covers it)."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    embedded = embed.EmbeddedFileObject.from_file_data(writer, data=data, mime_type=mime_type)
    embed.embed_file(writer, embed.FileSpec(file_spec_string=name, embedded_data=embedded, description=description))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def attachment(pdf: bytes, name: str) -> bytes | None:
    """The bytes of the attachment called ``name`` as the PDF's current revision has it, or ``None``; raises
    :class:`NotAPdf` when the attachment is there but damaged."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf))
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
    except (KeyError, PdfReadError, ValueError, TypeError):
        return None
    try:
        for i in range(0, len(names), 2):
            if str(names[i]) == name:
                spec = names[i + 1].get_object()
                return bytes(spec["/EF"]["/F"].get_object().data)
    except (KeyError, IndexError, PdfReadError, ValueError, TypeError, NotImplementedError, zlib.error) as exc:
        # A flipped byte in a compressed stream or the object table: say "damaged", not a decoder's traceback.
        raise NotAPdf(f"The file is damaged: its attachment {name} cannot be read.") from exc
    return None


def sign(pdf: bytes, credentials: SignerCredentials, field: str, *, reason: str = "", location: str = "") -> bytes:
    """Add a PAdES B-B signature in a new invisible field ``field`` (an incremental update)."""
    signer = signers.SimpleSigner(
        signing_cert=_asn1_cert(credentials.certificate),
        signing_key=_asn1_key(credentials.key),
        cert_registry=SimpleCertificateStore.from_certs([_asn1_cert(credentials.root)]),
    )
    meta = PdfSignatureMetadata(
        field_name=field,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason or None,
        location=location or None,
    )
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    except (PdfReadError, ValueError) as exc:
        raise NotAPdf("The document to sign is not a readable PDF.") from exc
    pdf_signer = signers.PdfSigner(meta, signer=signer, new_field_spec=fields.SigFieldSpec(field, box=(0, 0, 0, 0)))
    return bytes(pdf_signer.sign_pdf(writer).getvalue())


def verify(pdf: bytes, trusted_roots: list[x509.Certificate]) -> list[SignatureReport]:
    """Check every signature against ``trusted_roots``; raises :class:`NotAPdf` for unreadable input."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = list(reader.embedded_signatures)
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise NotAPdf("The file is not a readable PDF, or it is damaged.") from exc
    roots = {_asn1_cert(r).sha256.hex(): _asn1_cert(r) for r in trusted_roots}
    reports = []
    for sig in signatures:
        context = ValidationContext(trust_roots=list(roots.values()), allow_fetching=False)
        try:
            status = validate_pdf_signature(sig, context)
        except Exception:  # pyHanko raises many types on malformed signatures: each means "not valid"
            reports.append(SignatureReport(sig.field_name, "?", "", "", False, False, False, False, False))
            continue
        # The anchor of the chain pyHanko validated (absent when the signer is not trusted).
        anchor_cert = getattr(getattr(status.validation_path, "trust_anchor", None), "certificate", None)
        chain_root = anchor_cert.sha256.hex() if anchor_cert is not None else ""
        level = status.modification_level
        reports.append(
            SignatureReport(
                field=sig.field_name,
                signer=status.signing_cert.subject.human_friendly,
                signer_root_sha256=chain_root,
                signed_at=str(status.signer_reported_dt or ""),
                intact=bool(status.intact),
                valid=bool(status.valid),
                trusted=bool(status.trusted),
                covers_whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
                later_changes_allowed=level in _ALLOWED_LATER,
            )
        )
    return reports
