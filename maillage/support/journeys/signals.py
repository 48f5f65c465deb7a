"""An erased or deleted case document leaves no file behind on disk."""

from django.db.models.signals import post_delete, pre_save

from maillage.support.journeys.models import CaseDocument


def _delete_replaced_file(sender, instance: CaseDocument, raw: bool = False, **kwargs) -> None:
    if raw or instance.pk is None:
        return
    old = CaseDocument.objects.filter(pk=instance.pk).values_list("file", flat=True).first()
    if old and old != instance.file.name:
        instance.file.storage.delete(old)


def _delete_file(sender, instance: CaseDocument, **kwargs) -> None:
    if instance.file:
        instance.file.storage.delete(instance.file.name)


def connect() -> None:
    pre_save.connect(_delete_replaced_file, sender=CaseDocument, dispatch_uid="journeys_doc")
    post_delete.connect(_delete_file, sender=CaseDocument, dispatch_uid="journeys_doc_delete")
