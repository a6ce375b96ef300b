"""Check-character algorithms of the identifiers we validate (GB 11643, GB 32100, ISO/IEC 7812, ISO 13616, ...).

Functions computing a check character take the payload without it and raise ``ValueError`` for a malformed
payload (a programming error: validators check the shape first); functions answering "valid?" never raise.
"""

from __future__ import annotations

_DIGITS = frozenset("0123456789")

# GB 11643-1999 (resident identity number): weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, i.e. 2**(17-i) mod 11.
# Because 13 ≡ 2 (mod 11), reading the digits as a base-13 number gives the weighted sum modulo 11 in a single
# C-level int() call, which keeps full-column validation above a million cells a second. The check character
# maps sum 0, 1, 2, ... to 1, 0, X(=10), 9, ..., 2, so a complete number is valid when (sum + check) % 11 == 1.
_RESIDENT_ID_CHECK = "10X98765432"

# GB 32100-2015 (unified social credit code).
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUES = {c: i for i, c in enumerate(_USCC_ALPHABET)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# ISO/IEC 7812 (Luhn): every second digit from the right is doubled and its digits summed; on ASCII bytes the
# doubling is a translate() and the digit sum a sum() over bytes minus the code of "0".
_LUHN_DOUBLE = bytes.maketrans(b"0123456789", b"0246813579")
_ZERO = ord("0")
_DECIMAL = "0123456789"

# Hong Kong identity card: letters count 10..35, the implied leading space of one-letter prefixes counts 36.
_HK_VALUES = {c: 10 + i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}
_HK_SPACE = 36

# Taiwan national ID / resident certificate: the letter stands for a two-digit number (not alphabetical: I, O,
# W, X, Y, Z were added later).
_TW_LETTERS = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36), strict=True))
_TW_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 1)

# ISO 13616 (IBAN): letters become two-digit numbers 10..35 before the mod-97 check.
_IBAN_LETTERS = str.maketrans({c: str(10 + i) for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")})


def _is_ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def resident_id_check_char(first17: str) -> str:
    """Check character (``0``-``9`` or ``X``) of an 18-digit resident identity number from its first 17 digits."""
    if len(first17) != 17 or not (first17.isascii() and first17.isdigit()):
        raise ValueError("a resident ID body is 17 ASCII digits")
    return _RESIDENT_ID_CHECK[2 * int(first17, 13) % 11]


def resident_id_valid(number: str) -> bool:
    """Whether 18 ASCII characters (17 digits and a digit, ``X`` or ``x``) carry the right GB 11643 check character."""
    if len(number) != 18 or not number.isascii():
        return False
    if number.isdigit():
        return int(number, 13) % 11 == 1
    return number[17] in "Xx" and number[:17].isdigit() and (int(number[:17], 13) * 13 + 10) % 11 == 1


def uscc_check_char(first17: str) -> str:
    """Check character of a unified social credit code from its first 17 characters (upper case)."""
    if len(first17) != 17:
        raise ValueError("a USCC body is 17 characters")
    try:
        total = sum(_USCC_VALUES[c] * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    except KeyError as exc:
        raise ValueError(f"character {exc.args[0]!r} is not allowed in a USCC") from None
    return _USCC_ALPHABET[(31 - total % 31) % 31]


def luhn_check_digit(partial: str) -> str:
    """The digit to append to ``partial`` so that the result passes the Luhn check."""
    if not (partial.isascii() and partial.isdigit()):
        raise ValueError("a Luhn payload is one or more ASCII digits")
    raw = partial.encode()
    # Once the check digit is appended, the rightmost digit of the payload is the first one doubled.
    total = sum(raw[-1::-2].translate(_LUHN_DOUBLE) + raw[-2::-2])
    return _DECIMAL[(_ZERO * len(raw) - total) % 10]


def luhn_valid(number: str) -> bool:
    """Whether a string of ASCII digits (check digit last) passes the Luhn check; ``False`` for anything else."""
    if len(number) < 2 or not (number.isascii() and number.isdigit()):
        return False
    raw = number.encode()
    return (sum(raw[-1::-2] + raw[-2::-2].translate(_LUHN_DOUBLE)) - _ZERO * len(raw)) % 10 == 0


def hk_id_check_char(body: str) -> str:
    """Check character (``0``-``9`` or ``A``) of a Hong Kong identity card number from 1-2 letters and 6 digits."""
    letters, digits = body[:-6], body[-6:]
    if len(letters) not in (1, 2) or not _is_ascii_digits(digits) or any(c not in _HK_VALUES for c in letters):
        raise ValueError("a Hong Kong ID body is one or two capital letters and six digits")
    values = [_HK_SPACE] * (2 - len(letters)) + [_HK_VALUES[c] for c in letters] + [int(d) for d in digits]
    total = sum(v * w for v, w in zip(values, range(9, 1, -1), strict=True))
    check = -total % 11
    return "A" if check == 10 else str(check)


def tw_id_check_digit(first9: str) -> str:
    """Check digit of a Taiwan ID (national ID or resident certificate) from its letter and next 8 digits."""
    if len(first9) != 9 or first9[0] not in _TW_LETTERS or not _is_ascii_digits(first9[1:]):
        raise ValueError("a Taiwan ID body is a capital letter and eight digits")
    tens, units = divmod(_TW_LETTERS[first9[0]], 10)
    total = tens + 9 * units + sum(int(d) * w for d, w in zip(first9[1:], _TW_WEIGHTS, strict=True))
    return str(-total % 10)


def iban_valid(iban: str) -> bool:
    """Whether a compact, upper-case IBAN passes the ISO 13616 mod-97 check; ``False`` for malformed input."""
    if len(iban) < 5 or not iban.isascii() or not iban.isalnum():
        return False
    rearranged = (iban[4:] + iban[:4]).translate(_IBAN_LETTERS)
    return rearranged.isdigit() and int(rearranged) % 97 == 1
