# The reference learners the benches print beside the platform's (LightGBM, scikit-learn, pandas), from PyPI into a
# private virtualenv (Debian's system Python refuses pip installs, PEP 668), put first on PATH. A Python that already
# has them is used as it is; BENCH_REFERENCE=0 skips the references altogether.

use_reference_python() {
    [[ "${BENCH_REFERENCE:-1}" == 0 ]] && return
    python3 -c 'import lightgbm, sklearn, pandas' 2>/dev/null && return
    [[ -x .build/reference-venv/bin/python3 ]] && .build/reference-venv/bin/python3 -c 'import lightgbm, sklearn, pandas' 2>/dev/null || {
        echo "installing the reference learners (lightgbm, scikit-learn, pandas) into .build/reference-venv" >&2
        python3 -m venv .build/reference-venv
        .build/reference-venv/bin/pip install --quiet --disable-pip-version-check lightgbm scikit-learn pandas
    }
    export PATH="$PWD/.build/reference-venv/bin:$PATH"
}
