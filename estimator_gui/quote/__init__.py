"""Documents made from a priced result: JSON, CSV and text without Qt; PDF and XLSX where given."""
