from core.notifications.selectors import unread_count


def unread_notifications(request) -> dict:
    """The unread count the office's menu shows on every page; counted only when a page shows it."""
    return {"unread_notifications": lambda: unread_count(request.user)}
