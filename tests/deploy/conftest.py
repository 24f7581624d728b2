"""The Helm chart, linted and rendered offline by Helm's own engine (helm-python-sdk).

No cluster, no helm binary and no database: these tests never touch PostgreSQL.
"""

from pathlib import Path

import helm_python as helm
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CHART = ROOT / "helm" / "kopru"
RELEASE = "kopru"
NAMESPACE = "kopru"

# What an install cannot do without; everything else keeps the chart's defaults.
REQUIRED_VALUES = {
    "rootDomain": "kopru.example.org",
    "image": {"repository": "registry.example.org/kopru"},
    "secretKey": {"value": "a-long-production-secret"},
    "database": {"url": "postgres://kopru:secret@db.internal:5432/kopru"},
    "broker": {"url": "redis://redis.internal:6379/0"},
    "cache": {"url": "redis://redis.internal:6379/1"},
    "storage": {"bucket": "kopru-media"},
}

# A production install: credentials in Secrets made beforehand, a wildcard certificate from
# cert-manager, two universities on their own domains, autoscaling on.
PRODUCTION_VALUES = {
    "rootDomain": "kopru.example.org",
    "image": {"repository": "registry.example.org/kopru", "tag": "1.4.2"},
    "secretKey": {"existingSecret": "kopru-django", "existingSecretKey": "secret-key"},
    "database": {"existingSecret": "kopru-postgres", "existingSecretKey": "url"},
    "broker": {"existingSecret": "kopru-redis", "existingSecretKey": "broker-url"},
    "cache": {"existingSecret": "kopru-redis", "existingSecretKey": "cache-url"},
    "email": {"host": "smtp.example.org", "port": 587, "existingSecret": "kopru-smtp"},
    "storage": {"bucket": "kopru-media", "endpointUrl": "https://s3.example.org", "region": "eu-central-1",
                "existingSecret": "kopru-s3"},
    "sentry": {"existingSecret": "kopru-sentry"},
    "web": {"autoscaling": {"enabled": True, "minReplicas": 3, "maxReplicas": 12}},
    "worker": {"autoscaling": {"enabled": True, "minReplicas": 2, "maxReplicas": 8}},
    "ingress": {
        "className": "nginx",
        "tls": {"secretName": "kopru-wildcard-tls"},
        "certManager": {"enabled": True, "clusterIssuer": "letsencrypt-dns"},
        "customDomains": [{"host": "iro.kastamonu.edu.tr"},
                          {"host": "international.oshsu.kg", "secretName": "oshsu-tls"}],
    },
    "networkPolicy": {"ingressControllerNamespace": "ingress-nginx"},
}

EXISTING_SECRETS = {"kopru-django", "kopru-postgres", "kopru-redis", "kopru-smtp", "kopru-s3", "kopru-sentry"}


class Manifests(list):
    """The rendered objects of one release."""

    def of_kind(self, kind: str) -> list[dict]:
        return [manifest for manifest in self if manifest["kind"] == kind]

    def get(self, kind: str, name: str) -> dict:
        found = [manifest for manifest in self.of_kind(kind) if manifest["metadata"]["name"] == name]
        assert len(found) == 1, f"expected one {kind} {name}, found {len(found)}"
        return found[0]

    def pod_specs(self) -> dict[str, dict]:
        """Every pod template: the Deployments' and the Jobs', by object name."""
        return {manifest["metadata"]["name"]: manifest["spec"]["template"]["spec"]
                for manifest in self if manifest["kind"] in {"Deployment", "Job"}}


@pytest.fixture(scope="session")
def chart():
    with helm.Chart.load(CHART) as loaded:
        yield loaded


def render(chart, values: dict) -> Manifests:
    rendered = chart.render(values, name=RELEASE, namespace=NAMESPACE, is_install=True)
    return Manifests(
        document
        for path, text in sorted(rendered.items()) if path.endswith(".yaml")
        for document in yaml.safe_load_all(text) if document
    )


@pytest.fixture(scope="session")
def default_release(chart) -> Manifests:
    return render(chart, REQUIRED_VALUES)


@pytest.fixture(scope="session")
def production_release(chart) -> Manifests:
    return render(chart, PRODUCTION_VALUES)
