# The deploy checks' tools that Debian does not package: kubernetes-validate (PyPI), in a private virtualenv
# (Debian's system Python refuses pip installs, PEP 668), put first on PATH for the tests.

install_deploy_tools() {
    command -v kubernetes-validate >/dev/null && return
    [[ -x .build/deploy-venv/bin/kubernetes-validate ]] || {
        python3 -m venv .build/deploy-venv
        .build/deploy-venv/bin/pip install --quiet --disable-pip-version-check kubernetes-validate
    }
    export PATH="$PWD/.build/deploy-venv/bin:$PATH"
}
