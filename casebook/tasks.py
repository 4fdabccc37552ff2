"""Background work of the casebook, run by ``manage.py db_worker``."""

from django_tasks import task


@task()
def build_export(export_id):
    """Build one export of decision records into its ZIP.

    Errors of single records are kept in the export; anything else marks the whole export
    failed (so its page stops waiting) and fails the task too, so the worker logs it.
    """
    from .exports import build
    from .models import RecordExport

    export = RecordExport.objects.select_related("organisation").get(pk=export_id)
    try:
        build(export)
    except Exception:
        export.fail()
        raise
    return {"status": export.status, "rendered": export.rendered, "failed": len(export.failures)}
