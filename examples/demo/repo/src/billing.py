"""Billing client of the demo service."""
import os

import requests

API = "https://api.payments.example/v1"


def charge(customer_id: str, cents: int) -> dict:
    key = os.environ["PAYMENTS_API_KEY"]  # from the CI secret store, never the repository
    response = requests.post(
        f"{API}/charges",
        headers={"Authorization": f"Bearer {key}"},
        json={"customer": customer_id, "amount": cents},
        timeout=10,
    )
    response.raise_for_status()
    return response.json()
