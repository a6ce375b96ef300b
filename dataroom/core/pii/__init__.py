"""Detection of personal data in imported tables (PIPL art. 28, GB/T 35273-2020).

Validators per type, a Chinese/English header dictionary and the column classifier, plus masking for examples
and a synthetic customer generator for tests and benchmarks. Nothing here touches the vault or the GUI.
"""

from dataroom.core.pii.checksums import luhn_check_digit, luhn_valid, resident_id_check_char, uscc_check_char
from dataroom.core.pii.classifier import ColumnClassification, Evidence, classify_column
from dataroom.core.pii.headers import HeaderEvidence, match_header
from dataroom.core.pii.masking import mask_example
from dataroom.core.pii.synthetic import CUSTOMER_COLUMNS, generate_customers, write_customers_csv
from dataroom.core.pii.types import DataClass, PiiType, default_class, stricter
from dataroom.core.pii.validators import VALIDATORS, excel_damage, validate_many

__all__ = [
    "CUSTOMER_COLUMNS",
    "VALIDATORS",
    "ColumnClassification",
    "DataClass",
    "Evidence",
    "HeaderEvidence",
    "PiiType",
    "classify_column",
    "default_class",
    "excel_damage",
    "generate_customers",
    "luhn_check_digit",
    "luhn_valid",
    "mask_example",
    "match_header",
    "resident_id_check_char",
    "stricter",
    "uscc_check_char",
    "validate_many",
    "write_customers_csv",
]
