# syntax=docker/dockerfile:1
#
# The sovlint image, built by GoReleaser (dockers_v2 in .goreleaser.yaml)
# from the release binaries: no compiler, no shell, no package manager, a
# non-root user. The build context holds linux/amd64/sovlint and
# linux/arm64/sovlint; docker buildx picks the one for TARGETPLATFORM.
#
#   docker run --rm -v "$PWD:/src" -w /src ghcr.io/sovlint/sovlint:vX.Y.Z scan --recursive .
#
# BASE is distroless static (CA certificates, tzdata, /etc/passwd with the
# nonroot user 65532, nothing else); the -debug tags use its debug-nonroot
# variant, which adds a busybox shell for CI systems whose jobs run a
# script inside the image (GitLab CI, Jenkins, Atlantis, env0, Spacelift).
ARG BASE=gcr.io/distroless/static-debian12:nonroot
FROM ${BASE}
ARG TARGETPLATFORM
LABEL org.opencontainers.image.title="sovlint" \
      org.opencontainers.image.description="Check that sensitive Terraform/OpenTofu resources land on sovereign infrastructure" \
      org.opencontainers.image.source="https://github.com/sovlint/sovlint" \
      org.opencontainers.image.licenses="Apache-2.0"
COPY ${TARGETPLATFORM}/sovlint /usr/local/bin/sovlint
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/sovlint"]
CMD ["--help"]
