// MediaEngine — placeholder so the target builds until its first real file lands.
