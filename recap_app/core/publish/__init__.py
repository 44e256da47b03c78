"""Publication: the province's results as a static, signed web site (docs/publication.md).

The site is plain files that any web server, object store or CDN serves with no program
running, that work from file:// and with JavaScript off, in Indonesian with English pages
under en/, and that a reader can check against the signed manifest and the paper documents.

- :func:`publish` (site.py) builds the site from a workspace and writes only what changed,
  through a temporary folder beside the target, and audits it ("publication.publish");
- :func:`build` makes the files in memory (snapshot.py reads the workspace; pages.py,
  chart.py and data.py render; manifest.py lists and signs);
- :func:`verify_site` checks a published folder (signature, every file, nothing extra);
- :func:`push` hands the changed files to rclone for real hosting (remote.py).

The layout of the files is docs/publication-schema.md.
"""

from .common import PublishError
from .manifest import Problem, VerifyReport, verify_site
from .site import ACTION, Built, PublishResult, build, changes_since, inspect_folder, last_publication, publish

__all__ = ["ACTION", "Built", "Problem", "PublishError", "PublishResult", "VerifyReport", "build", "changes_since",
           "inspect_folder", "last_publication", "publish", "verify_site"]
