def user_display(user) -> str:
    """How the portal names a person: by email address, never by the internal username."""
    return user.email or "your account"
