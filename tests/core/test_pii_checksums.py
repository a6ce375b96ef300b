"""Check-character algorithms, tested against naive re-implementations written from the standards."""

from __future__ import annotations

import random

import pytest

from dataroom.core.pii.checksums import (
    hk_id_check_char,
    iban_valid,
    luhn_check_digit,
    luhn_valid,
    resident_id_check_char,
    resident_id_valid,
    tw_id_check_digit,
    uscc_check_char,
)

RNG = random.Random(11643)


def naive_resident_check(first17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights, strict=True)) % 11]


def naive_uscc_check(first17: str) -> str:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    total = sum(alphabet.index(c) * w for c, w in zip(first17, weights, strict=True))
    return alphabet[(31 - total % 31) % 31]


def naive_luhn_total(number: str) -> int:
    total = 0
    for i, d in enumerate(reversed(number)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total


def digits(n: int) -> str:
    return "".join(RNG.choice("0123456789") for _ in range(n))


def test_resident_id_check_char_matches_the_weighted_sum() -> None:
    for body in [digits(17) for _ in range(500)] + ["0" * 17, "9" * 17]:
        assert resident_id_check_char(body) == naive_resident_check(body)
        number = body + naive_resident_check(body)
        assert resident_id_valid(number)
        assert resident_id_valid(number.lower())


def test_resident_id_check_catches_every_single_digit_error() -> None:
    body = "11010519900307123"
    number = body + resident_id_check_char(body)
    for i in range(17):
        for d in "0123456789":
            if d != number[i]:
                assert not resident_id_valid(number[:i] + d + number[i + 1 :])


def test_all_eleven_check_characters_occur() -> None:
    seen = {resident_id_check_char(digits(17)) for _ in range(2000)}
    assert seen == set("0123456789X")


@pytest.mark.parametrize("bad", ["", "1" * 16, "1" * 18, "1101051990030712A", "１" * 17, "1101051990030712 "])
def test_resident_id_check_char_rejects_malformed_bodies(bad: str) -> None:
    with pytest.raises(ValueError):
        resident_id_check_char(bad)


@pytest.mark.parametrize("bad", ["", "1" * 17, "1" * 19, "11010519900307123Y", "１" * 18, "1" * 17 + "x" * 2])
def test_resident_id_valid_is_false_for_malformed_numbers(bad: str) -> None:
    assert not resident_id_valid(bad)


def test_uscc_check_char_matches_the_standard() -> None:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    for _ in range(300):
        body = "91" + digits(6) + "".join(RNG.choice(alphabet) for _ in range(9))
        assert uscc_check_char(body) == naive_uscc_check(body)


@pytest.mark.parametrize("bad", ["", "9111", "91110105MA01ABCD1I", "91110105ma01abcd1"])
def test_uscc_check_char_rejects_malformed_bodies(bad: str) -> None:
    with pytest.raises(ValueError):
        uscc_check_char(bad)


def test_luhn_check_digit_and_validity_match_the_algorithm() -> None:
    for length in range(2, 20):
        for _ in range(40):
            partial = digits(length)
            number = partial + luhn_check_digit(partial)
            assert naive_luhn_total(number) % 10 == 0
            assert luhn_valid(number)


def test_luhn_catches_single_digit_errors_and_most_transpositions() -> None:
    partial = "622202123456789012"
    number = partial + luhn_check_digit(partial)
    for i, original in enumerate(number):
        for d in "0123456789":
            if d != original:
                assert not luhn_valid(number[:i] + d + number[i + 1 :])
    for i in range(len(number) - 1):
        a, b = number[i], number[i + 1]
        if a != b and {a, b} != {"0", "9"}:
            assert not luhn_valid(number[:i] + b + a + number[i + 2 :])


@pytest.mark.parametrize("bad", ["", "7", "12a4", "１２３４", "4111 1111 1111 1111"])
def test_luhn_valid_is_false_for_non_numbers(bad: str) -> None:
    assert not luhn_valid(bad)


def test_luhn_check_digit_rejects_non_digits() -> None:
    with pytest.raises(ValueError):
        luhn_check_digit("12a")
    with pytest.raises(ValueError):
        luhn_check_digit("")


def naive_hk_check(body: str) -> str:
    letters = body[:-6].rjust(2)
    values = [36 if c == " " else ord(c) - ord("A") + 10 for c in letters] + [int(d) for d in body[-6:]]
    check = (11 - sum(v * w for v, w in zip(values, range(9, 1, -1), strict=True)) % 11) % 11
    return "A" if check == 10 else str(check)


def test_hk_id_check_char_matches_the_algorithm_for_one_and_two_letters() -> None:
    for _ in range(300):
        body = "".join(RNG.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(RNG.choice((1, 2)))) + digits(6)
        assert hk_id_check_char(body) == naive_hk_check(body)
    assert {hk_id_check_char(RNG.choice("ABCZ") + digits(6)) for _ in range(1000)} == set("0123456789A")


@pytest.mark.parametrize("bad", ["123456", "ABC123456", "A12345", "a123456"])
def test_hk_id_check_char_rejects_malformed_bodies(bad: str) -> None:
    with pytest.raises(ValueError):
        hk_id_check_char(bad)


def test_tw_id_check_digit_matches_the_algorithm() -> None:
    codes = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36), strict=True))
    for _ in range(300):
        body = RNG.choice(list(codes)) + RNG.choice("12") + digits(7)
        code = codes[body[0]]
        total = code // 10 + 9 * (code % 10) + sum(int(d) * w for d, w in zip(body[1:], range(8, 0, -1), strict=True))
        assert tw_id_check_digit(body) == str((10 - total % 10) % 10)


def test_iban_valid_accepts_computed_check_digits_and_rejects_changes() -> None:
    for country, bban in (("GB", "WEST" + digits(14)), ("DE", digits(18)), ("FR", digits(10) + "ABC" + digits(10))):
        rearranged = "".join(str(int(c, 36)) for c in bban + country + "00")
        iban = f"{country}{98 - int(rearranged) % 97:02d}{bban}"
        assert iban_valid(iban)
        assert not iban_valid(iban[:-1] + str((int(iban[-1]) + 1) % 10))
    assert not iban_valid("")
    assert not iban_valid("gb82west12345698765432")
