from django.apps import AppConfig


class ReportFilesConfig(AppConfig):
    name = "maillage.reports.report_files"
    label = "report_files"
    verbose_name = "Fichiers des rapports (PDF, ODT, DOCX, annexes CSV)"
