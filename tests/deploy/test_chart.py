"""helm/kopru: lint, render, validate against Kubernetes' own schemas, and what the release must be."""

import helm_python as helm
import kubernetes_validate
import pytest
from kubernetes_validate.utils import latest_version

from tests.deploy.conftest import (
    CHART,
    EXISTING_SECRETS,
    PRODUCTION_VALUES,
    REQUIRED_VALUES,
    ROOT,
    render,
)

VALUE_SETS = {"default": REQUIRED_VALUES, "production": PRODUCTION_VALUES}
WARNING = 2  # helm lint's severities: 1 info, 2 warning, 3 error


def hook_weight(manifest: dict) -> int:
    return int(manifest["metadata"]["annotations"]["helm.sh/hook-weight"])


def hooks_of(manifest: dict) -> set[str]:
    return set(manifest["metadata"].get("annotations", {}).get("helm.sh/hook", "").split(",")) - {""}


def containers_of(pod_spec: dict) -> list[dict]:
    return pod_spec.get("initContainers", []) + pod_spec["containers"]


def secret_refs(pod_spec: dict) -> dict[str, tuple[str, str]]:
    """Environment variable -> (Secret, key), over every container of the pod."""
    return {
        variable["name"]: (variable["valueFrom"]["secretKeyRef"]["name"], variable["valueFrom"]["secretKeyRef"]["key"])
        for container in containers_of(pod_spec)
        for variable in container.get("env", [])
        if "secretKeyRef" in variable.get("valueFrom", {})
    }


def with_values(**changes) -> dict:
    values = {**REQUIRED_VALUES}
    for key, value in changes.items():
        values[key] = {**values.get(key, {}), **value} if isinstance(value, dict) else value
    return values


@pytest.mark.parametrize("values", VALUE_SETS.values(), ids=VALUE_SETS.keys())
def test_chart_lints_without_warnings(values):
    report = helm.lint(CHART, values, strict=True, namespace="kopru")

    assert report["errors"] == []
    assert [message for message in report["messages"] if message["severity"] >= WARNING] == []


@pytest.mark.parametrize("release", ["default_release", "production_release"])
def test_every_manifest_is_valid_for_the_newest_kubernetes(release, request):
    manifests = request.getfixturevalue(release)

    # strict: an unknown or misplaced field is an error, not something the API server drops quietly
    for manifest in manifests:
        kubernetes_validate.validate(manifest, latest_version(), strict=True)
    assert {"Deployment", "Job", "Service", "Ingress", "NetworkPolicy", "ServiceAccount",
            "PodDisruptionBudget", "ConfigMap"} <= {manifest["kind"] for manifest in manifests}


def test_ingress_serves_the_root_domain_and_every_subdomain_over_tls(production_release):
    ingress = production_release.get("Ingress", "kopru")

    hosts = [rule["host"] for rule in ingress["spec"]["rules"]]
    assert hosts == ["kopru.example.org", "*.kopru.example.org", "iro.kastamonu.edu.tr", "international.oshsu.kg"]
    backends = {rule["http"]["paths"][0]["backend"]["service"]["name"] for rule in ingress["spec"]["rules"]}
    assert backends == {"kopru-web"}
    assert ingress["spec"]["tls"] == [
        {"hosts": ["kopru.example.org", "*.kopru.example.org"], "secretName": "kopru-wildcard-tls"},
        {"hosts": ["iro.kastamonu.edu.tr"], "secretName": "kopru-iro-kastamonu-edu-tr-tls"},
        {"hosts": ["international.oshsu.kg"], "secretName": "oshsu-tls"},
    ]
    assert ingress["metadata"]["annotations"]["cert-manager.io/cluster-issuer"] == "letsencrypt-dns"
    assert ingress["spec"]["ingressClassName"] == "nginx"


def test_default_ingress_has_tls_and_no_cert_manager(default_release):
    ingress = default_release.get("Ingress", "kopru")

    assert ingress["spec"]["tls"] == [
        {"hosts": ["kopru.example.org", "*.kopru.example.org"], "secretName": "kopru-tls"},
    ]
    assert "annotations" not in ingress["metadata"]


@pytest.mark.parametrize("release", ["default_release", "production_release"])
def test_migrations_run_as_a_hook_before_any_workload(release, request):
    manifests = request.getfixturevalue(release)
    job = manifests.get("Job", "kopru-migrate")
    pod = job["spec"]["template"]["spec"]

    assert hooks_of(job) == {"pre-install", "pre-upgrade"}
    # Workloads are ordinary resources: Helm applies them only after every pre-* hook succeeded.
    assert all(not hooks_of(deployment) for deployment in manifests.of_kind("Deployment"))
    # Shared schema and the console's host, then the universities in parallel, then the template
    # new ones are cloned from.
    steps = [container["args"] for container in containers_of(pod)]
    assert steps == [
        ["migrate_schemas", "--shared", "--noinput"],
        ["ensure_public_tenant"],
        ["migrate_schemas", "--tenant", "--executor=multiprocessing", "--noinput"],
        ["prepare_tenant_template"],
    ]
    assert {tuple(container["command"]) for container in containers_of(pod)} == {("python", "manage.py")}
    # A failure is final: one retry at most, no restart in place, so the release fails.
    assert job["spec"]["backoffLimit"] <= 2
    assert pod["restartPolicy"] == "Never"
    assert job["spec"]["activeDeadlineSeconds"] > 0


@pytest.mark.parametrize("release", ["default_release", "production_release"])
def test_what_the_migration_job_reads_exists_before_it(release, request):
    manifests = request.getfixturevalue(release)
    job = manifests.get("Job", "kopru-migrate")
    pod = job["spec"]["template"]["spec"]
    hooks = {(manifest["kind"], manifest["metadata"]["name"]): manifest
             for manifest in manifests if hooks_of(manifest)}

    needed = {("ServiceAccount", pod["serviceAccountName"])}
    for container in containers_of(pod):
        needed |= {("ConfigMap", source["configMapRef"]["name"]) for source in container["envFrom"]}
    for secret, _key in secret_refs(pod).values():
        if secret not in EXISTING_SECRETS:
            needed.add(("Secret", secret))
    for kind_name in needed:
        assert kind_name in hooks, f"{kind_name} is not a hook: it would not exist yet at pre-install"
        assert hooks_of(hooks[kind_name]) == {"pre-install", "pre-upgrade"}
        assert hook_weight(hooks[kind_name]) < hook_weight(job)


@pytest.mark.parametrize("release", ["default_release", "production_release"])
def test_every_pod_runs_as_non_root_on_a_read_only_root_filesystem(release, request):
    pod_specs = request.getfixturevalue(release).pod_specs()

    assert set(pod_specs) == {"kopru-web", "kopru-worker", "kopru-beat", "kopru-migrate"}
    for name, pod in pod_specs.items():
        assert pod["securityContext"]["runAsNonRoot"] is True, name
        assert pod["securityContext"]["runAsUser"] == 10001, name
        assert pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}, name
        assert pod["automountServiceAccountToken"] is False, name
        assert {"name": "tmp", "emptyDir": {"sizeLimit": "256Mi"}} in pod["volumes"], name
        for container in containers_of(pod):
            context = container["securityContext"]
            assert context["runAsNonRoot"] is True, name
            assert context["readOnlyRootFilesystem"] is True, name
            assert context["allowPrivilegeEscalation"] is False, name
            assert context["capabilities"] == {"drop": ["ALL"]}, name
            assert {"name": "tmp", "mountPath": "/tmp"} in container["volumeMounts"], name  # noqa: S108
            assert container["resources"]["requests"] and container["resources"]["limits"], name


def test_web_runs_gunicorn_with_probes_on_the_health_endpoints(default_release):
    (container,) = default_release.get("Deployment", "kopru-web")["spec"]["template"]["spec"]["containers"]

    assert container["command"] == ["gunicorn"]
    assert container["args"][0] == "kopru.wsgi:application"
    assert container["ports"] == [{"name": "http", "containerPort": 8000, "protocol": "TCP"}]
    assert container["livenessProbe"]["httpGet"] == {"path": "/health/live", "port": "http"}
    assert container["readinessProbe"]["httpGet"] == {"path": "/health/ready", "port": "http"}
    service = default_release.get("Service", "kopru-web")
    assert service["spec"]["ports"][0]["targetPort"] == "http"


def test_workers_and_beat_run_celery(default_release):
    worker = default_release.get("Deployment", "kopru-worker")["spec"]["template"]["spec"]["containers"][0]
    beat = default_release.get("Deployment", "kopru-beat")["spec"]["template"]["spec"]["containers"][0]

    assert [worker["command"][0], *worker["args"][:2]] == ["celery", "--app=kopru", "worker"]
    assert [beat["command"][0], *beat["args"][:2]] == ["celery", "--app=kopru", "beat"]
    # The schedule file must sit on the writable /tmp, not in the read-only working directory.
    assert "--schedule=/tmp/celerybeat-schedule" in beat["args"]


@pytest.mark.parametrize("release", ["default_release", "production_release"])
def test_exactly_one_beat_never_two_at_once(release, request):
    manifests = request.getfixturevalue(release)
    beat = manifests.get("Deployment", "kopru-beat")

    assert beat["spec"]["replicas"] == 1
    assert beat["spec"]["strategy"] == {"type": "Recreate"}
    targets = {hpa["spec"]["scaleTargetRef"]["name"] for hpa in manifests.of_kind("HorizontalPodAutoscaler")}
    assert "kopru-beat" not in targets


def test_web_and_workers_autoscale_when_asked(production_release, default_release):
    autoscalers = {hpa["spec"]["scaleTargetRef"]["name"]: hpa
                   for hpa in production_release.of_kind("HorizontalPodAutoscaler")}

    assert set(autoscalers) == {"kopru-web", "kopru-worker"}
    assert autoscalers["kopru-web"]["apiVersion"] == "autoscaling/v2"
    assert (autoscalers["kopru-web"]["spec"]["minReplicas"], autoscalers["kopru-web"]["spec"]["maxReplicas"]) == (3, 12)
    # The autoscaler owns the replica count; a fixed one would fight it on every upgrade.
    assert "replicas" not in production_release.get("Deployment", "kopru-web")["spec"]
    assert "replicas" not in production_release.get("Deployment", "kopru-worker")["spec"]
    assert default_release.of_kind("HorizontalPodAutoscaler") == []
    assert default_release.get("Deployment", "kopru-web")["spec"]["replicas"] == 2


def test_disruption_budgets_keep_web_and_workers_available(default_release):
    budgets = {pdb["metadata"]["name"]: pdb["spec"] for pdb in default_release.of_kind("PodDisruptionBudget")}

    assert set(budgets) == {"kopru-web", "kopru-worker"}
    assert budgets["kopru-web"]["maxUnavailable"] == 1
    assert budgets["kopru-web"]["selector"]["matchLabels"]["app.kubernetes.io/component"] == "web"


def test_existing_secrets_are_referenced_and_none_is_created(production_release):
    pod_specs = production_release.pod_specs()

    assert production_release.of_kind("Secret") == []
    expected = {
        "DJANGO_SECRET_KEY": ("kopru-django", "secret-key"),
        "DATABASE_URL": ("kopru-postgres", "url"),
        "CELERY_BROKER_URL": ("kopru-redis", "broker-url"),
        "CACHE_URL": ("kopru-redis", "cache-url"),
        "EMAIL_HOST_USER": ("kopru-smtp", "EMAIL_HOST_USER"),
        "EMAIL_HOST_PASSWORD": ("kopru-smtp", "EMAIL_HOST_PASSWORD"),
        "AWS_ACCESS_KEY_ID": ("kopru-s3", "AWS_ACCESS_KEY_ID"),
        "AWS_SECRET_ACCESS_KEY": ("kopru-s3", "AWS_SECRET_ACCESS_KEY"),
        "SENTRY_DSN": ("kopru-sentry", "SENTRY_DSN"),
    }
    for name, pod in pod_specs.items():
        assert secret_refs(pod) == expected, name


def test_credentials_given_as_values_go_into_the_charts_own_secret(default_release):
    secret = default_release.get("Secret", "kopru")
    web = default_release.get("Deployment", "kopru-web")["spec"]["template"]["spec"]

    assert set(secret["data"]) == {"DJANGO_SECRET_KEY", "DATABASE_URL", "CELERY_BROKER_URL", "CACHE_URL"}
    assert secret_refs(web) == {name: ("kopru", name) for name in secret["data"]}
    # Nothing secret sits in the ConfigMap or in plain environment values.
    config = default_release.get("ConfigMap", "kopru")["data"]
    assert not {"DJANGO_SECRET_KEY", "DATABASE_URL", "CELERY_BROKER_URL", "CACHE_URL"} & set(config)


def test_configuration_the_production_settings_read(production_release):
    config = production_release.get("ConfigMap", "kopru")["data"]

    assert config["DJANGO_SETTINGS_MODULE"] == "kopru.settings.production"
    assert config["KOPRU_ROOT_DOMAIN"] == "kopru.example.org"
    assert config["KOPRU_CUSTOM_DOMAINS"] == "iro.kastamonu.edu.tr,international.oshsu.kg"
    assert config["AWS_STORAGE_BUCKET_NAME"] == "kopru-media"
    assert config["AWS_S3_ENDPOINT_URL"] == "https://s3.example.org"
    assert config["AWS_S3_REGION_NAME"] == "eu-central-1"
    assert (config["EMAIL_HOST"], config["EMAIL_PORT"], config["EMAIL_USE_TLS"]) == ("smtp.example.org", "587", "1")
    for name, pod in production_release.pod_specs().items():
        # The migration Job reads the hook copy (see test_what_the_migration_job_reads_exists_before_it).
        expected = "kopru-migrate" if name == "kopru-migrate" else "kopru"
        for container in containers_of(pod):
            assert container["envFrom"] == [{"configMapRef": {"name": expected}}], name


def test_the_trusted_proxy_count_is_the_ingress_unless_told_otherwise(chart, default_release):
    behind_a_balancer = render(chart, with_values(config={"trustedProxyCount": 2}))

    assert default_release.get("ConfigMap", "kopru")["data"]["KOPRU_PROXY_COUNT"] == "1"
    assert behind_a_balancer.get("ConfigMap", "kopru")["data"]["KOPRU_PROXY_COUNT"] == "2"


def test_network_policy_admits_only_the_ingress_controller_and_known_egress(production_release):
    everything = production_release.get("NetworkPolicy", "kopru")["spec"]
    web = production_release.get("NetworkPolicy", "kopru-web")["spec"]

    assert everything["ingress"] == []
    assert everything["podSelector"]["matchLabels"]["app.kubernetes.io/instance"] == "kopru"
    egress_ports = {(port["port"], port["protocol"]) for rule in everything["egress"] for port in rule["ports"]}
    assert egress_ports == {(53, "UDP"), (53, "TCP"), (5432, "TCP"), (6379, "TCP"), (587, "TCP"), (443, "TCP")}
    assert web["podSelector"]["matchLabels"]["app.kubernetes.io/component"] == "web"
    assert web["ingress"] == [{
        "ports": [{"port": "http", "protocol": "TCP"}],
        "from": [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "ingress-nginx"}}}],
    }]


def test_service_account_mounts_no_token(default_release):
    account = default_release.get("ServiceAccount", "kopru")

    assert account["automountServiceAccountToken"] is False
    assert default_release.get("Deployment", "kopru-web")["spec"]["template"]["spec"]["serviceAccountName"] == "kopru"


@pytest.mark.parametrize(("values", "message"), [
    (with_values(beat={"replicas": 2}), "at '/beat/replicas': value must be 1"),
    ({key: value for key, value in REQUIRED_VALUES.items() if key != "rootDomain"},
     "missing property 'rootDomain'"),
    (with_values(rootDomain="https://kopru.example.org"), "'https://kopru.example.org' is not valid hostname"),
    (with_values(image={"repository": "registry.example.org/kopru", "pullPolicy": "Sometimes"}),
     "at '/image/pullPolicy': value must be one of 'Always', 'IfNotPresent', 'Never'"),
    ({key: value for key, value in REQUIRED_VALUES.items() if key != "image"},
     "at '/image': missing property 'repository'"),
    ({key: value for key, value in REQUIRED_VALUES.items() if key != "storage"},
     "at '/storage': missing property 'bucket'"),
    (with_values(web={"replicas": 0}), "at '/web/replicas': minimum: got 0, want 1"),
    (with_values(worker={"autoscaling": {"enabled": True, "minReplicas": 0, "maxReplicas": 4,
                                         "targetCPUUtilizationPercentage": 70}}),
     "at '/worker/autoscaling/minReplicas': minimum: got 0, want 1"),
    (with_values(config={"tenantCreation": "copy"}), "value must be one of 'clone', 'migrate'"),
    (with_values(config={"trustedProxyCount": -1}), "at '/config/trustedProxyCount': minimum: got -1, want 0"),
    (with_values(databse={"url": "postgres://typo"}), "additional properties 'databse' not allowed"),
], ids=["two-beats", "no-root-domain", "root-domain-url", "pull-policy", "no-image", "no-bucket", "no-web",
        "autoscale-to-zero", "tenant-creation", "negative-proxy-count", "misspelt-key"])
def test_schema_refuses_bad_values_saying_what_is_wrong(chart, values, message):
    with pytest.raises(helm.HelmValuesError) as refused:
        render(chart, values)

    assert message in str(refused.value)


def test_a_missing_credential_stops_the_render_naming_the_values_to_set(chart):
    with pytest.raises(helm.HelmRenderError) as refused:
        render(chart, with_values(database={"url": ""}))

    assert ("DATABASE_URL is required: set database.url, or database.existingSecret to a Secret holding it "
            "under database.existingSecretKey.") in str(refused.value)


def test_every_variable_the_chart_sets_is_read_by_the_settings(production_release, default_release):
    settings_source = "\n".join(path.read_text() for path in (ROOT / "kopru" / "settings").glob("*.py"))
    set_by_chart = set(production_release.get("ConfigMap", "kopru")["data"])
    for release in (production_release, default_release):
        for pod in release.pod_specs().values():
            set_by_chart |= set(secret_refs(pod))

    # DJANGO_SETTINGS_MODULE is Django's own; every other name must match one the settings read.
    unread = {name for name in set_by_chart - {"DJANGO_SETTINGS_MODULE"} if f'"{name}"' not in settings_source}
    assert unread == set()
