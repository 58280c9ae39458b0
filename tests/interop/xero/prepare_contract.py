"""Builds the Xero contracts the Xero adapter's tests use, from the slices in shared/providers/xero
(XeroAPI/Xero-OpenAPI, MIT, "Copyright (c) 2017 Xero Developer API"; accounting spec v16.1.0 at commit
e952d0bda3628facbf7afc5990ad6a0e7e77bd1e, sliced to the reports and /Organisation, and the whole
identity spec at the same commit):
  python3 prepare_contract.py ../../../../shared/providers/xero .
Each YAML document is written as JSON, unchanged (the .NET tests read the report schemas with
System.Text.Json; Prism serves either form)."""
import json
import sys

import yaml

source, target = sys.argv[1], sys.argv[2]
for name in ["xero_accounting.reports_organisation", "xero-identity"]:
    with open(f"{source}/{name}.yaml", encoding="utf-8") as f:
        document = yaml.safe_load(f)
    with open(f"{target}/{name}.json", "w", encoding="utf-8") as f:
        json.dump(document, f, indent=1, sort_keys=False, default=str)
        f.write("\n")
