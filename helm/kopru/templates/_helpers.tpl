{{/* Names and labels. */}}
{{- define "kopru.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "kopru.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "kopru.selectorLabels" -}}
app.kubernetes.io/name: {{ include "kopru.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "kopru.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "kopru.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Labels of one component: (dict "root" $ "component" "web"). */}}
{{- define "kopru.componentLabels" -}}
{{ include "kopru.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "kopru.componentSelectorLabels" -}}
{{ include "kopru.selectorLabels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "kopru.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository $tag -}}
{{- end -}}
{{- end -}}

{{- define "kopru.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "kopru.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "kopru.tlsSecretName" -}}
{{- default (printf "%s-tls" (include "kopru.fullname" .)) .Values.ingress.tls.secretName -}}
{{- end -}}

{{/*
Hooks run before the release's ordinary resources exist, so the migration Job reads
copies of the ConfigMap, Secret and ServiceAccount made as hooks themselves, with a lower
weight; they are deleted once the migrations succeed.
*/}}
{{- define "kopru.migrateName" -}}
{{- printf "%s-migrate" (include "kopru.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "kopru.migrateServiceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- include "kopru.migrateName" . -}}
{{- else -}}
{{- include "kopru.serviceAccountName" . -}}
{{- end -}}
{{- end -}}

{{- define "kopru.hookWeight.config" -}}-10{{- end -}}
{{- define "kopru.hookWeight.migrate" -}}0{{- end -}}

{{/*
Every credential: its environment variable, where its value sits in the values, and the
key it has in an existing Secret. The chart's own Secret uses the variable's name as key.
*/}}
{{- define "kopru.credentialSpecs" -}}
- {env: DJANGO_SECRET_KEY, section: secretKey, value: value, key: existingSecretKey, required: true}
- {env: DATABASE_URL, section: database, value: url, key: existingSecretKey, required: true}
- {env: CELERY_BROKER_URL, section: broker, value: url, key: existingSecretKey, required: true}
- {env: CACHE_URL, section: cache, value: url, key: existingSecretKey, required: true}
- {env: EMAIL_HOST_USER, section: email, value: user, key: existingSecretUserKey, required: false}
- {env: EMAIL_HOST_PASSWORD, section: email, value: password, key: existingSecretPasswordKey, required: false}
- {env: AWS_ACCESS_KEY_ID, section: storage, value: accessKeyId, key: existingSecretAccessKeyIdKey, required: false}
- {env: AWS_SECRET_ACCESS_KEY, section: storage, value: secretAccessKey, key: existingSecretSecretAccessKeyKey, required: false}
- {env: SENTRY_DSN, section: sentry, value: dsn, key: existingSecretKey, required: false}
{{- end -}}

{{/*
The credentials this release passes on, resolved: {items: [{env, existingSecret, key, value}]}.
A required one with neither a value nor an existing Secret stops the render.
*/}}
{{- define "kopru.credentials" -}}
items:
{{- range $spec := fromYamlArray (include "kopru.credentialSpecs" .) }}
{{- $section := index $.Values $spec.section }}
{{- $value := index $section $spec.value | default "" }}
{{- if $section.existingSecret }}
  - {env: {{ $spec.env }}, existingSecret: {{ $section.existingSecret | quote }}, key: {{ index $section $spec.key | quote }}, optional: {{ not $spec.required }}}
{{- else if $value }}
  - {env: {{ $spec.env }}, existingSecret: "", key: {{ $spec.env }}, value: {{ $value | quote }}}
{{- else if $spec.required }}
{{- fail (printf "%s is required: set %s.%s, or %s.existingSecret to a Secret holding it under %s.%s." $spec.env $spec.section $spec.value $spec.section $spec.section $spec.key) }}
{{- end }}
{{- end }}
{{- end -}}

{{/* The chart's own Secret data: the credentials given as values. */}}
{{- define "kopru.secretData" -}}
{{- range (fromYaml (include "kopru.credentials" .)).items }}
{{- if not .existingSecret }}
{{ .env }}: {{ .value | b64enc | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{- define "kopru.configData" -}}
DJANGO_SETTINGS_MODULE: kopru.settings.production
KOPRU_ROOT_DOMAIN: {{ .Values.rootDomain | quote }}
{{- /* Django answers only on the hosts the ingress routes to it. */}}
{{- with .Values.ingress.customDomains }}
KOPRU_CUSTOM_DOMAINS: {{ $hosts := list }}{{ range . }}{{ $hosts = append $hosts .host }}{{ end }}{{ join "," $hosts | quote }}
{{- end }}
KOPRU_TENANT_CREATION: {{ .Values.config.tenantCreation | quote }}
{{- /* Whose X-Forwarded-For entries are trusted: sign-in limits and API rates count clients by it. */}}
KOPRU_PROXY_COUNT: {{ .Values.config.trustedProxyCount | quote }}
LOG_LEVEL: {{ .Values.config.logLevel | quote }}
EMAIL_HOST: {{ .Values.email.host | quote }}
EMAIL_PORT: {{ .Values.email.port | quote }}
EMAIL_USE_TLS: {{ ternary "1" "0" .Values.email.useTls | quote }}
DEFAULT_FROM_EMAIL: {{ .Values.email.from | quote }}
AWS_STORAGE_BUCKET_NAME: {{ .Values.storage.bucket | quote }}
{{- with .Values.storage.endpointUrl }}
AWS_S3_ENDPOINT_URL: {{ . | quote }}
{{- end }}
{{- with .Values.storage.region }}
AWS_S3_REGION_NAME: {{ . | quote }}
{{- end }}
{{- range $name, $value := .Values.config.extraEnv }}
{{ $name }}: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{/*
The environment of every Köprü container: (dict "root" $ "configMap" NAME "secret" NAME).
*/}}
{{- define "kopru.env" -}}
envFrom:
  - configMapRef:
      name: {{ .configMap }}
env:
  # The root filesystem is read-only: whatever wants a home directory gets /tmp.
  - name: HOME
    value: /tmp
{{- range (fromYaml (include "kopru.credentials" .root)).items }}
  - name: {{ .env }}
    valueFrom:
      secretKeyRef:
        name: {{ default $.secret .existingSecret }}
        key: {{ .key }}
        {{- if .optional }}
        optional: true
        {{- end }}
{{- end }}
{{- end -}}

{{- define "kopru.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "kopru.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "kopru.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpSizeLimit }}
{{- end -}}

{{- define "kopru.tmpVolumeMount" -}}
- name: tmp
  mountPath: /tmp
{{- end -}}

{{/* Settings a Deployment's pods share: (dict "root" $ "component" NAME "values" .Values.NAME). */}}
{{- define "kopru.podCommon" -}}
serviceAccountName: {{ include "kopru.serviceAccountName" .root }}
automountServiceAccountToken: false
securityContext:
  {{- include "kopru.podSecurityContext" . | nindent 2 }}
{{- with .root.Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
volumes:
  {{- include "kopru.tmpVolume" .root | nindent 2 }}
{{- with .values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/* A Deployment's pod annotations: restart the pods when their configuration changes. */}}
{{- define "kopru.podAnnotations" -}}
checksum/config: {{ include "kopru.configData" .root | sha256sum }}
checksum/secret: {{ include "kopru.credentials" .root | sha256sum }}
{{- with .values.podAnnotations }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* One step of the migration Job: (dict "name" NAME "args" MANAGE_ARGS "image" ... "env" ... "root" $). */}}
{{- define "kopru.migrateContainer" -}}
- name: {{ .name }}
  image: {{ .image }}
  imagePullPolicy: {{ .pullPolicy }}
  command: ["python", "manage.py"]
  args:
    {{- toYaml .args | nindent 4 }}
  {{- .env | nindent 2 }}
  securityContext:
    {{- include "kopru.containerSecurityContext" . | nindent 4 }}
  resources:
    {{- toYaml .root.Values.migrations.resources | nindent 4 }}
  volumeMounts:
    {{- include "kopru.tmpVolumeMount" . | nindent 4 }}
{{- end -}}
